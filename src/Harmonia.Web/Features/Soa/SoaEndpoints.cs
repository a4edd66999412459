using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Soa;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Soa;

internal static class SoaEndpoints
{
    private const string Framework = "{framework:regex(^(iso27001-2022|iso42001-2023)$)}";

    public static void MapSoaEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Statements of Applicability");

        group.MapGet($"/soa/{Framework}", async (Guid orgId, string framework, GetSoaHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.OverviewAsync(orgId, framework, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The latest version, every version, the proposal from today's data and how it differs from the latest version.");

        group.MapPost($"/soa/{Framework}", async (Guid orgId, string framework, SoaSaveInput input, SaveSoaVersionHandler handler, CancellationToken ct) =>
            {
                var saved = await handler.HandleAsync(orgId, framework, input, ct);
                return TypedResults.Created($"/api/orgs/{orgId}/soa/{framework}/{saved.Number}", saved);
            })
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Save the proposal with your decisions (reasons risk|impact|legal|contract|business; a justification for every exclusion) as the next draft.");

        group.MapGet($"/soa/{Framework}/{{number:int}}", async (string framework, int number, GetSoaHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.VersionAsync(framework, number, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("One version of the statement.");

        group.MapPost($"/soa/{Framework}/{{number:int}}/approve", async (string framework, int number, ApproveSoaVersionHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(framework, number, ct)))
            .RequirePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Approve the latest draft; the approved version it replaces is superseded.");

        group.MapGet($"/soa/{Framework}/{{number:int}}/export/{{format}}", async (string framework, int number, string format, ExportSoaHandler handler, CancellationToken ct) =>
                Downloads.File(await handler.HandleAsync(framework, number, format, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("One version as xlsx (filters, frozen header), csv, docx, pdf, md or html.");

        group.MapGet($"/soa/{Framework}/{{number:int}}/diff/{{other:int}}", async (string framework, int number, int other, DiffSoaVersionsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(framework, other, number, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("What changed from version {other} to version {number}, control by control.");
    }
}
