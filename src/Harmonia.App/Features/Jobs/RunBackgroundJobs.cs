using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harmonia.App.Features.Jobs;

/// <summary>
/// Takes the oldest queued job of any organization and runs it. The claim is one conditional update (queued -> running)
/// that only one node can win; a running job whose node fell silent is queued again, at most
/// <see cref="MaxAttempts"/> times (ADR 0032).
/// </summary>
public sealed partial class BackgroundJobRunner(IServiceScopeFactory scopes, TimeProvider time, ILogger<BackgroundJobRunner> logger)
{
    public const int MaxAttempts = 3;

    /// <summary>A running job that has not reported for this long lost its node (every work reports at least per item).</summary>
    public static readonly TimeSpan SilentFor = TimeSpan.FromMinutes(5);

    /// <summary>How long a job's file (a pack) stays downloadable; the evidence sweep removes it afterwards.</summary>
    public static readonly TimeSpan ResultsKeptFor = TimeSpan.FromDays(7);

    /// <returns>True when a job was taken (run it again at once: more may wait), false when the queue was empty.</returns>
    public async Task<bool> RunNextAsync(string node, CancellationToken cancellationToken)
    {
        Guid jobId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            await RequeueSilentAsync(db, cancellationToken);
            var next = await db.BackgroundJobs.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).AsNoTracking()
                .Where(j => j.Status == BackgroundJobStatuses.Queued)
                .OrderBy(j => j.RequestedUtc)
                .Select(j => (Guid?)j.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is not { } id)
            {
                return false;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var claimed = await db.BackgroundJobs.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
                .Where(j => j.Id == id && j.Status == BackgroundJobStatuses.Queued)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.Status, BackgroundJobStatuses.Running).SetProperty(j => j.ClaimedBy, node)
                        .SetProperty(j => j.StartedUtc, now).SetProperty(j => j.HeartbeatUtc, now).SetProperty(j => j.Attempts, j => j.Attempts + 1),
                    cancellationToken);
            if (claimed == 0)
            {
                // Another node won the claim; look again.
                return true;
            }

            jobId = id;
        }

        await RunClaimedAsync(jobId, cancellationToken);
        return true;
    }

    private async Task RunClaimedAsync(Guid jobId, CancellationToken cancellationToken)
    {
        BackgroundJobRecord job;
        await using (var lookup = scopes.CreateAsyncScope())
        {
            job = await lookup.ServiceProvider.GetRequiredService<HarmoniaDbContext>().BackgroundJobs.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).AsNoTracking()
                .SingleAsync(j => j.Id == jobId, cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantScope>().Enter(job.OrganizationId);
        services.GetRequiredService<AuditActor>().Name = job.RequestedBy;
        var db = services.GetRequiredService<HarmoniaDbContext>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var activity = HarmoniaTelemetry.StartBackgroundJob(job.Kind, job.OrganizationId);
        var outcome = "failed";
        try
        {
            var work = services.GetServices<IBackgroundJobWork>().SingleOrDefault(w => w.Kind == job.Kind)
                ?? throw new InvalidInputException($"This server does not know jobs of the kind '{job.Kind}'.");
            await EnsureStillAllowedAsync(services, db, job, work.Needs, cancellationToken);
            var result = await work.RunAsync(job.Input, new BackgroundJobProgress(db, job.Id, time), cancellationToken);
            StoredFile? stored = null;
            if (result.File is { } file)
            {
                using var content = new MemoryStream(file.Content, writable: false);
                stored = await services.GetRequiredService<IEvidenceStore>().SaveAsync(content, file.FileName, null, cancellationToken);
            }

            await FinishAsync(db, job.Id, BackgroundJobStatuses.Done, result.Outcome, stored, file: result.File, cancellationToken);
            outcome = BackgroundJobStatuses.Done;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "handed back";
            // The server is stopping: hand the job back at once rather than waiting for it to look silent.
            await db.BackgroundJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, BackgroundJobStatuses.Queued).SetProperty(j => j.ClaimedBy, (string?)null), CancellationToken.None);
            throw;
        }
        catch (HarmoniaException refused)
        {
            outcome = "refused";
            await FinishAsync(db, job.Id, BackgroundJobStatuses.Failed, refused.Message, null, null, CancellationToken.None);
        }
        catch (Exception failure)
        {
            JobFailed(logger, failure, job.Id, job.Kind);
            await FinishAsync(db, job.Id, BackgroundJobStatuses.Failed,
                "The job stopped with an error on the server. What it finished before stays done; ask for it again, and if it fails again, tell your administrator (the server log names this job).",
                null, null, CancellationToken.None);
        }
        finally
        {
            HarmoniaTelemetry.BackgroundJobFinished(activity, job.Kind, outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task EnsureStillAllowedAsync(IServiceProvider services, HarmoniaDbContext db, BackgroundJobRecord job, Permission needs, CancellationToken cancellationToken)
    {
        var user = await services.GetRequiredService<SignedInPerson>().UserIdAsync(cancellationToken);
        var role = user is { } id ? await db.Memberships.Where(m => m.UserId == id).Select(m => (OrganizationRole?)m.Role).SingleOrDefaultAsync(cancellationToken) : null;
        if (role is not { } held || !held.Allows(needs))
        {
            throw new InvalidInputException($"Not started: {job.RequestedBy.Replace("user:", string.Empty, StringComparison.Ordinal)} is no longer a member allowed to do this in the organization.");
        }
    }

    private async Task FinishAsync(HarmoniaDbContext db, Guid jobId, string status, string outcome, StoredFile? stored, GeneratedFile? file, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var text = outcome.Length > 4000 ? outcome[..3990] + " …" : outcome;
        await db.BackgroundJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Status, status).SetProperty(j => j.Outcome, text).SetProperty(j => j.FinishedUtc, now).SetProperty(j => j.HeartbeatUtc, now)
                .SetProperty(j => j.ResultSha256, stored == null ? null : stored.Sha256)
                .SetProperty(j => j.ResultFileName, file == null ? null : file.FileName)
                .SetProperty(j => j.ResultContentType, file == null ? null : file.ContentType),
            cancellationToken);
    }

    private async Task RequeueSilentAsync(HarmoniaDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var silentSince = now - SilentFor;
        var jobs = db.BackgroundJobs.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).Where(j => j.Status == BackgroundJobStatuses.Running && j.HeartbeatUtc < silentSince);
        await jobs.Where(j => j.Attempts >= MaxAttempts).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Status, BackgroundJobStatuses.Failed).SetProperty(j => j.FinishedUtc, now)
                .SetProperty(j => j.Outcome, $"The server running this job stopped {MaxAttempts} times before it finished. What it finished stays done; ask for it again."),
            cancellationToken);
        await jobs.Where(j => j.Attempts < MaxAttempts).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Status, BackgroundJobStatuses.Queued).SetProperty(j => j.ClaimedBy, (string?)null), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background job {JobId} ({Kind}) failed")]
    private static partial void JobFailed(ILogger logger, Exception exception, Guid jobId, string kind);
}
