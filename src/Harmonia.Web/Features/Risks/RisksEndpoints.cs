using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Risks;
using Harmonia.Domain.Risks;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Risks;

internal static class RisksEndpoints
{
    public sealed record AcceptInput(DateOnly ExpiresOn);

    public static void MapRisksEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Risks");

        group.MapGet("/risk-methodology", async (GetRiskMethodologyHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The organization's risk methodology and its version (0: the default, not yet saved).");

        group.MapPut("/risk-methodology", async (RiskMethodology methodology, SaveRiskMethodologyHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(methodology, ct)))
            .RequirePermission(Permission.Approve)
            .WithSummary("Save a new version of the methodology (scales, levels covering every score once, acceptance, AI risks never accepted).");

        group.MapGet("/risks", async (int? page, int? pageSize, string? category, string? key, string? sort, ListRisksHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), category, key, SortOrder.Parse(sort, ListRisksHandler.SortKeys.Keys.ToArray(), ListRisksHandler.DefaultSort), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The risk register, paged, with inherent and residual heat maps (optionally one category, or one risk by its key), sorted by sort: key, title, inherent, treatment, residual or owner, with a leading - for descending.");

        group.MapGet("/risks/treatment-plan/{format}", async (string format, string? category, string? key, string? sort, ExportRiskTreatmentPlanHandler handler, CancellationToken ct) =>
            {
                var file = await handler.HandleAsync(format, Blank(category), Blank(key), sort is null ? null : SortOrder.Parse(sort, ListRisksHandler.SortKeys.Keys.ToArray(), ListRisksHandler.DefaultSort), ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("The risk treatment plan as xlsx, csv, docx, pdf, md or html; with category, key or sort (as for the register) one view of it, as xlsx or csv only.");

        group.MapPost("/risks", async (Guid orgId, RiskInput input, SaveRiskHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var risk = await handler.CreateAsync(input, ct);
                response.Headers.ETag = EndpointConventions.ETag(risk.Version);
                return TypedResults.Created($"/api/orgs/{orgId}/risks/{risk.Id}", risk);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Add a risk.");

        group.MapPut("/risks/{riskId:guid}", (Guid riskId, RiskInput input, SaveRiskHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.UpdateAsync(riskId, version, input, ct), risk => risk.Version))
            .RequirePermission(Permission.Edit)
            .Produces<RiskDto>()
            .WithSummary("Replace a risk; requires If-Match with its current ETag (412 when it changed meanwhile).");

        // Who may act is a person (the risk owner, a top-management member), checked by the use case; the role only
        // keeps read-only members out.
        group.MapPost("/risks/{riskId:guid}/accept", async (Guid riskId, AcceptInput input, AcceptRiskHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(new AcceptRiskRequest(riskId, input.ExpiresOn), ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("The risk owner accepts the residual risk until expiresOn; above the methodology's limit top management must have approved first.");

        group.MapPost("/risks/{riskId:guid}/top-management-approval", async (Guid riskId, ApproveRiskAboveLimitHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(riskId, ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("A top-management member who did not assess the risk approves accepting a residual risk above the methodology's limit.");

        group.MapPost("/risks/{riskId:guid}/treatment-approval", async (Guid riskId, ApproveRiskTreatmentHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(riskId, ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("The risk owner approves the risk's treatment plan (cleared when the treatment, controls, residual rating or owner change).");

        group.MapPost("/risks/{riskId:guid}/reviews", async (Guid riskId, RiskReviewInput input, RecordRiskReviewHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(riskId, input, ct)))
            .RequirePermission(Permission.Edit)
            .WithSummary("Record that the risk was reviewed ({\"heldOn\": \"2026-12-01\", \"nextReviewOn\": \"2027-12-01\"}): the next review date closes this one on everyone's due work.");

        group.MapDelete("/risks/{riskId:guid}", async (Guid riskId, DeleteRiskHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(riskId, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.Delete)
            .WithSummary("Delete a risk.");

        group.MapPost("/risks/delete", async (DeleteRisksInput input, DeleteRisksHandler handler, CancellationToken ct) =>
                TypedResults.Ok(new { deleted = await handler.HandleAsync(input, ct) }))
            .RequirePermission(Permission.Delete)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary($"Delete several risks ({{\"riskIds\": [\"…\"]}}, at most {DeleteRisksHandler.MaxRisks}): all or none; a risk an impact assessment names refuses the whole step, each reason given.");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
