using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Jobs;

/// <summary>
/// Puts a job on the organization's queue for the signed-in person. The row is saved like any record, so the audit
/// trail says who asked for what and when; the work itself lands there change by change as it runs.
/// </summary>
public sealed class QueueBackgroundJobHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time, BackgroundJobSignal signal)
{
    /// <summary>Queued or running at once per organization: more is a stuck button or a script, not a person.</summary>
    public const int MaxOpenJobs = 5;

    public async Task<Guid> HandleAsync(string kind, string title, string input, int total, CancellationToken cancellationToken = default)
    {
        var open = await db.BackgroundJobs.CountAsync(j => j.Status == BackgroundJobStatuses.Queued || j.Status == BackgroundJobStatuses.Running, cancellationToken);
        if (open >= MaxOpenJobs)
        {
            throw new LimitReachedException($"{open} jobs of this organization are still waiting or running; ask again when one of them has finished.");
        }

        var job = new BackgroundJobRecord
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            Title = title,
            Input = input,
            Total = total,
            RequestedBy = actor.Name,
            RequestedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.JobQueued();
        return job.Id;
    }
}
