using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Jobs;

/// <summary>
/// How far a running job is. Written with a direct update rather than through the change tracker: the work may clear
/// its tracker after a refused item, and progress is not a change a person made, so it stays out of the audit trail.
/// </summary>
public sealed class BackgroundJobProgress(HarmoniaDbContext db, Guid jobId, TimeProvider time)
{
    public async Task ReportAsync(int completed, int total, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.BackgroundJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Completed, completed).SetProperty(j => j.Total, total).SetProperty(j => j.HeartbeatUtc, now),
            cancellationToken);
    }
}
