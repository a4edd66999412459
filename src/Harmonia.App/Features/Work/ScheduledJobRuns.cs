using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Work;

public sealed record ScheduledJobRunDto(string Job, DateTime ScheduledFireUtc, DateTime StartedUtc, DateTime? FinishedUtc, string Node, string Outcome, string? Summary);

/// <summary>Records each run of a scheduled job (started, finished, outcome, node) and reads the recent ones back.</summary>
public sealed class ScheduledJobRuns(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>Runs older than this are removed after each run, so the table stays small.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(30);

    public async Task RunAsync(string job, DateTime scheduledFireUtc, string node, Func<CancellationToken, Task<string>> work, CancellationToken cancellationToken)
    {
        var run = new ScheduledJobRunRecord { Id = Guid.CreateVersion7(), Job = job, ScheduledFireUtc = scheduledFireUtc, StartedUtc = time.GetUtcNow().UtcDateTime, Node = node, Outcome = "running" };
        await SaveAsync(db => db.ScheduledJobRuns.Add(run), cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var activity = HarmoniaTelemetry.StartScheduledJob(job);
        try
        {
            run.Summary = await work(cancellationToken);
            run.Outcome = "succeeded";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Summary = e.Message.Length <= 2000 ? e.Message : e.Message[..2000];
            run.Outcome = "failed";
        }
        catch (OperationCanceledException)
        {
            HarmoniaTelemetry.ScheduledJobFinished(activity, job, "cancelled", System.Diagnostics.Stopwatch.GetElapsedTime(started));
            throw;
        }

        HarmoniaTelemetry.ScheduledJobFinished(activity, job, run.Outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started));

        run.FinishedUtc = time.GetUtcNow().UtcDateTime;
        var cutoff = run.FinishedUtc.Value - KeepFor;
        await SaveAsync(db => db.ScheduledJobRuns.Update(run), CancellationToken.None);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().ScheduledJobRuns.Where(r => r.StartedUtc < cutoff).ExecuteDeleteAsync(CancellationToken.None);
    }

    public async Task<IReadOnlyList<ScheduledJobRunDto>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().ScheduledJobRuns.AsNoTracking()
            .OrderByDescending(r => r.StartedUtc).Take(count)
            .Select(r => new ScheduledJobRunDto(r.Job, r.ScheduledFireUtc, r.StartedUtc, r.FinishedUtc, r.Node, r.Outcome, r.Summary))
            .ToListAsync(cancellationToken);
    }

    private async Task SaveAsync(Action<HarmoniaDbContext> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
        change(db);
        await db.SaveChangesAsync(cancellationToken);
    }
}
