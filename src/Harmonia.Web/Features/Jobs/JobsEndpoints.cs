using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Jobs;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Jobs;

internal static class JobsEndpoints
{
    public static void MapJobsEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Jobs");

        group.MapGet("/jobs", async (int? count, ListBackgroundJobsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(count ?? 10, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The organization's latest background jobs, newest first (count: 1-100, default 10).");

        group.MapGet("/jobs/{jobId:guid}", async (Guid jobId, GetBackgroundJobHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(jobId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("A background job: status (queued, running, done, failed), items done of the total, and the outcome once finished.");

        group.MapGet("/jobs/{jobId:guid}/result", async (Guid jobId, OpenBackgroundJobResultHandler handler, CancellationToken ct) => Downloads.Stored(await handler.HandleAsync(jobId, ct)))
            .RequirePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("The file a finished job made (a policy pack zip), kept for seven days.");
    }

    /// <summary>What the progress page's script asks for, and the file download, with the page's cookie sign-in.</summary>
    public static void MapJobPageEndpoints(this WebApplication app)
    {
        app.MapGet("/orgs/{orgId:guid}/jobs/{jobId:guid}/progress", async (Guid jobId, GetBackgroundJobHandler handler, CancellationToken ct) =>
            {
                var job = await handler.HandleAsync(jobId, ct);
                return TypedResults.Ok(new { job.Status, job.Completed, job.Total, job.Percent, job.Finished });
            })
            .RequirePagePermission(Permission.Read);

        app.MapGet("/orgs/{orgId:guid}/jobs/{jobId:guid}/result", async (Guid jobId, OpenBackgroundJobResultHandler handler, CancellationToken ct) =>
                Downloads.Stored(await handler.HandleAsync(jobId, ct)))
            .RequirePagePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata());
    }
}
