using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Readiness;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Readiness;

internal static class RoadmapEndpoints
{
    public static void MapRoadmapEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Roadmap");

        group.MapGet("/roadmap", async (Guid orgId, DateOnly? start, PlanRoadmapHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(orgId, start, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The seven-step integration path as dated tasks with owners, effort and dependencies (start: yyyy-mm-dd, default today).");

        group.MapGet("/roadmap/export/{format}", async (Guid orgId, string format, ExportRoadmapHandler handler, CancellationToken ct) =>
            {
                var file = await handler.HandleAsync(orgId, format, ct);
                return Downloads.File(file);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("The roadmap as xlsx, csv, docx, pdf, md or html.");
    }

    /// <summary>The page's download, on the cookie sign-in.</summary>
    public static void MapRoadmapPageEndpoints(this WebApplication app) =>
        app.MapGet("/orgs/{orgId:guid}/roadmap/export/{format}", async (Guid orgId, string format, ExportRoadmapHandler handler, CancellationToken ct) =>
            {
                var file = await handler.HandleAsync(orgId, format, ct);
                return Downloads.File(file);
            })
            .RequirePagePermission(Permission.Read);
}
