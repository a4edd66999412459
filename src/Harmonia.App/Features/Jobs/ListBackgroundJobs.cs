using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Jobs;

/// <summary>The organization's latest jobs, newest first: where a person finds a pack after leaving its page.</summary>
public sealed class ListBackgroundJobsHandler(HarmoniaDbContext db)
{
    public async Task<IReadOnlyList<BackgroundJobDto>> HandleAsync(int count = 10, CancellationToken cancellationToken = default)
    {
        var jobs = await db.BackgroundJobs.AsNoTracking().OrderByDescending(j => j.RequestedUtc).Take(Math.Clamp(count, 1, 100)).ToListAsync(cancellationToken);
        return jobs.Select(GetBackgroundJobHandler.ToDto).ToArray();
    }
}
