using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Gaps;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Gaps;

internal static class ResultsEndpoints
{
    public static void MapResultsEndpoints(this RouteGroupBuilder organization)
    {
        var results = organization.MapGroup("/results").WithTags("Requirement results");

        results.MapGet("/", async (int? page, int? pageSize, ListResultsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Results entered directly (they win over controls and inference).");

        results.MapPut("/{requirementId}", async (string requirementId, ResultInput input, SetResultHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(requirementId, input, ct)))
            .RequirePermission(Permission.Edit)
            .WithSummary("Enter, confirm or override the result of one requirement, with the reason.");

        results.MapDelete("/{requirementId}", async (string requirementId, DeleteResultHandler handler, CancellationToken ct) =>
                await handler.HandleAsync(requirementId, ct) ? Results.NoContent() : Problems.NotFound("No result is entered for that requirement."))
            .RequirePermission(Permission.Edit)
            .WithSummary("Remove an entered result.");
    }
}
