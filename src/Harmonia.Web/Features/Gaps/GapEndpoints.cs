using Harmonia.App.Accounts;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Organizations;
using Harmonia.App.Reports;
using Harmonia.Domain.Gaps;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Gaps;

internal static class GapEndpoints
{
    public static void MapGapEndpoints(this RouteGroupBuilder organization) =>
        organization.MapGet("/gap/{target}", async (
                Guid orgId,
                string target,
                string? format,
                string? group,
                string? result,
                LoadOrganizationHandler load,
                RunGapAnalysisHandler gap,
                CancellationToken ct) =>
            {
                if (result is not null && !OrganizationValues.Results.ContainsKey(result) && result != "open")
                {
                    return TypedResults.Problem(statusCode: 400, title: "Invalid input", detail: "result must be satisfied, partially_satisfied, not_satisfied, not_applicable or open.");
                }

                var stored = await load.HandleAsync(new LoadOrganizationRequest(orgId), ct);
                var report = gap.Handle(new RunGapAnalysisRequest(stored, target));
                var rows = report.Rows
                    .Where(r => group is null || r.TopGroup.Id == group)
                    .Where(r => result is null || (result == "open" ? r.IsOpen : r.Result.ToToken() == result))
                    .ToArray();
                report = report with { Rows = rows };
                return format switch
                {
                    null or "json" => Results.Text(GapJsonWriter.Write(report), "application/json"),
                    "md" => Results.Text(GapMarkdownWriter.Write(report), "text/markdown; charset=utf-8"),
                    "html" => Results.Text(GapHtmlWriter.Write(report), "text/html; charset=utf-8"),
                    _ => TypedResults.Problem(statusCode: 400, title: "Invalid input", detail: "format must be json, md or html."),
                };
            })
            .RequirePermission(Permission.Read)
            .WithTags("Gap analysis")
            .WithSummary("The gap analysis of the stored organization against a target framework, recomputed now; filter rows by group and result.");
}
