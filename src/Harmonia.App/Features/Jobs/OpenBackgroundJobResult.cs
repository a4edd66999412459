using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Jobs;

/// <summary>The file a finished job made (a policy pack), while the store keeps it (<see cref="BackgroundJobRunner.ResultsKeptFor"/>).</summary>
public sealed class OpenBackgroundJobResultHandler(HarmoniaDbContext db, IEvidenceStore store, TimeProvider time)
{
    public async Task<StoredDownload> HandleAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        var job = await db.BackgroundJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken) ?? throw new NotFoundException("job");
        if (job.ResultSha256 is null || job.ResultFileName is null || job.ResultContentType is null)
        {
            // The job exists, so its state, not its existence, refuses: a readable 400 rather than a 404.
            throw new InvalidInputException(job.Status == BackgroundJobStatuses.Done ? "This job made no file." : "The job has not finished; its file is there once it has.");
        }

        if (job.FinishedUtc is { } finished && finished < time.GetUtcNow().UtcDateTime - BackgroundJobRunner.ResultsKeptFor)
        {
            throw new NotFoundException("job", message: $"The file of this job was kept for {BackgroundJobRunner.ResultsKeptFor.TotalDays:0} days and has been removed; ask for it again.");
        }

        return await StoredDownload.OpenAsync(store, job.ResultSha256, job.ResultFileName, job.ResultContentType, cancellationToken)
            ?? throw new NotFoundException("job", message: "The store no longer holds the file of this job; ask for it again.");
    }
}
