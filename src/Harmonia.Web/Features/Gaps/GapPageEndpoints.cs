using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Rendering;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Gaps;

internal static class GapPageEndpoints
{
    /// <summary>The gap analysis page's download: the same stored report, and the same bytes, as the API's.</summary>
    public static void MapGapPageEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/orgs/{orgId:guid}/gap/{target}/export", async (Guid orgId, string target, string? format, StoredGapAnalysisHandler gap, CancellationToken ct) =>
            {
                var report = await gap.HandleAsync(new StoredGapRequest(orgId, target), ct);
                return format switch
                {
                    "md" => Results.File(System.Text.Encoding.UTF8.GetBytes(GapMarkdownWriter.Write(report)), "text/markdown", $"gap-{target}.md"),
                    "json" => Results.File(System.Text.Encoding.UTF8.GetBytes(GapJsonWriter.Write(report)), "application/json", $"gap-{target}.json"),
                    _ => Results.File(System.Text.Encoding.UTF8.GetBytes(GapHtmlWriter.Write(report)), "text/html", $"gap-{target}.html"),
                };
            })
            .RequirePagePermission(Permission.Read);
}
