using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Jobs;

/// <param name="Percent">Whole percent done; 100 once finished, whatever the count says.</param>
public sealed record BackgroundJobDto(
    Guid Id,
    string Kind,
    string Title,
    string Status,
    int Total,
    int Completed,
    int Percent,
    string RequestedBy,
    DateTime RequestedUtc,
    DateTime? StartedUtc,
    DateTime? FinishedUtc,
    string? Outcome,
    string? ResultFileName)
{
    public bool Finished => Status is BackgroundJobStatuses.Done or BackgroundJobStatuses.Failed;
}

public sealed class GetBackgroundJobHandler(HarmoniaDbContext db)
{
    public async Task<BackgroundJobDto> HandleAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        var job = await db.BackgroundJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken) ?? throw new NotFoundException("job");
        return ToDto(job);
    }

    public static BackgroundJobDto ToDto(BackgroundJobRecord job)
    {
        var finished = job.Status is BackgroundJobStatuses.Done or BackgroundJobStatuses.Failed;
        var percent = finished ? 100 : job.Total <= 0 ? 0 : (int)Math.Clamp(100L * job.Completed / job.Total, 0, 99);
        return new BackgroundJobDto(job.Id, job.Kind, job.Title, job.Status, job.Total, job.Completed, percent, job.RequestedBy, job.RequestedUtc, job.StartedUtc, job.FinishedUtc, job.Outcome,
            job.ResultSha256 is null ? null : job.ResultFileName);
    }
}
