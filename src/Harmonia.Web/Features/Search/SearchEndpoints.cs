using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Search;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Search;

internal static class SearchEndpoints
{
    public static void MapSearchEndpoints(this RouteGroupBuilder organization)
    {
        organization.MapGroup("/").WithTags("Search")
            .MapGet("/search", async (string? q, int? limit, SearchRecordsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(q, limit, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary($"Search every record of the organization (controls, evidence, risks, AI systems, impact assessments, documents and their text, registered documents, suppliers, audits, nonconformities, objectives, management reviews, people): each word is matched as the start of a word, all words must match, best match first. q: up to {SearchText.QueryLength} characters and {SearchText.QueryWords} words; limit: 1-{SearchRecordsHandler.MaxLimit} (default {SearchRecordsHandler.DefaultLimit}); more is true when further records match.");
    }
}
