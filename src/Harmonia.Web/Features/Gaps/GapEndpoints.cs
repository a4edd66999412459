using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Rendering;
using Harmonia.Domain.Gaps;
using Harmonia.Web.Platform;
using Microsoft.OpenApi;

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
                StoredGapAnalysisHandler gap,
                StoredGapReportCache cache,
                CancellationToken ct) =>
            {
                if (result is not null && !GapResultFilter.IsKnown(result))
                {
                    return TypedResults.Problem(statusCode: 400, title: "Invalid input", detail: GapResultFilter.Expected);
                }

                var report = await gap.HandleAsync(new StoredGapRequest(orgId, target), ct);
                if (group is null && result is null && format is null or "json" or "md" or "html")
                {
                    // The unfiltered report is what integrations poll: render it once per change, not per request.
                    var (type, write) = Writer(format);
                    return Results.Bytes(cache.Rendered(report, format ?? "json", write), type);
                }

                var rows = report.Rows
                    .Where(r => group is null || r.TopGroup.Id == group)
                    .Where(r => GapResultFilter.Matches(r, result))
                    .ToArray();
                if (format is not (null or "json" or "md" or "html"))
                {
                    return TypedResults.Problem(statusCode: 400, title: "Invalid input", detail: "format must be json, md or html.");
                }

                var (contentType, writer) = Writer(format);
                return Results.Text(writer(report with { Rows = rows }), contentType);
            })
            .RequirePermission(Permission.Read)
            .Produces<GapReportJson>(StatusCodes.Status200OK, "application/json")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // format=md and format=html answer the same report as text; one status code has one response, so
                // these two content types join the JSON one here.
                var content = operation.Responses![StatusCodes.Status200OK.ToString(System.Globalization.CultureInfo.InvariantCulture)].Content!;
                content["text/markdown"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                content["text/html"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                return Task.CompletedTask;
            })
            .WithTags("Gap analysis")
            .WithSummary("The gap analysis of the stored organization against a target framework (recomputed after every change); filter rows by group and result.");

    private static (string ContentType, Func<GapReport, string> Write) Writer(string? format) => format switch
    {
        "md" => ("text/markdown; charset=utf-8", GapMarkdownWriter.Write),
        "html" => ("text/html; charset=utf-8", GapHtmlWriter.Write),
        _ => ("application/json; charset=utf-8", GapJsonWriter.Write),
    };
}
