using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Readiness;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Audits;

internal static class AuditsEndpoints
{
    public static void MapAuditsEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Internal audits and readiness");

        group.MapGet("/audits", async (int? page, int? pageSize, ListAuditsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The internal audit programme.");

        group.MapPost("/audits", async (Guid orgId, AuditInput input, PlanAuditHandler handler, CancellationToken ct) =>
            {
                var audit = await handler.HandleAsync(input, ct);
                return TypedResults.Created($"/api/orgs/{orgId}/audits/{audit.Id}", audit);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Plan an internal audit: scope (frameworks and/or requirement ids, processes, AI systems, sites), criteria, dates, auditors.");

        group.MapGet("/audits/{auditId:guid}", async (Guid auditId, GetAuditHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(auditId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("An audit with its checklist from the scope, results, independence conflicts and nonconformities.");

        group.MapGet("/audits/{auditId:guid}/report/{format}", async (Guid auditId, string format, ExportAuditReportHandler handler, CancellationToken ct) =>
                Downloads.File(await handler.HandleAsync(auditId, format, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The audit report as docx, pdf, md or html (a draft while the audit runs).");

        group.MapPost("/audits/{auditId:guid}/results", async (Guid auditId, AuditResultInput input, RecordAuditResultHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(auditId, input, ct)))
            .RequirePermission(Permission.RecordAudit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Record a checklist item's result (Conforming, MinorNonconformity, MajorNonconformity, Observation, OpportunityForImprovement); a nonconformity opens its record. Answers the item's result and the nonconformity raised, if any.");

        group.MapPost("/audits/{auditId:guid}/results/bulk", async (Guid auditId, AuditResultsInput input, RecordAuditResultsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(auditId, input, ct)))
            .RequirePermission(Permission.RecordAudit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary($"Record the same result for several checklist items (itemKeys, at most {RecordAuditResultsHandler.MaxItems}), each by the rules of one result, all or none; a nonconformity grade opens one nonconformity per item.");

        group.MapPost("/audits/{auditId:guid}/complete", async (Guid auditId, CompleteAuditHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(auditId, ct)))
            .RequirePermission(Permission.RecordAudit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Complete the audit once every checklist item has a result.");

        group.MapGet("/nonconformities", async (int? page, int? pageSize, bool? open, string? sort, ListNonconformitiesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(sort is null
                    ? await handler.HandleAsync(PageRequest.Of(page, pageSize), open ?? false, ct)
                    : await handler.HandleAsync(PageRequest.Of(page, pageSize), open ?? false, SortOrder.Parse(sort, ListNonconformitiesHandler.SortKeys.Keys.ToArray(), ListNonconformitiesHandler.DefaultSort), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Nonconformities and their corrective actions (open=true: only those not closed), sorted by sort: key, grade, finding, requirements, state, source or raised, with a leading - for descending.");

        group.MapGet("/nonconformities/export/{format}", async (string format, bool? open, string? sort, ExportNonconformitiesHandler handler, CancellationToken ct) =>
                Downloads.File(await handler.HandleAsync(format, open ?? false, SortOrder.Parse(sort, ListNonconformitiesHandler.SortKeys.Keys.ToArray(), ListNonconformitiesHandler.DefaultSort), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The nonconformities, or those not closed (open=true), in the list's sort, as xlsx or csv, with the corrective action of each.");

        group.MapGet("/nonconformities/{nonconformityId:guid}", async (Guid nonconformityId, ListNonconformitiesHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var nc = await handler.GetAsync(nonconformityId, ct);
                response.Headers.ETag = EndpointConventions.ETag(nc.Version);
                return Results.Ok(nc);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("One nonconformity.");

        group.MapPost("/nonconformities/{nonconformityId:guid}/steps", (Guid nonconformityId, NonconformityStepInput input, AdvanceNonconformityHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.HandleAsync(nonconformityId, version, input, ct), nc => nc.Version))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("The next step: correction, root-cause (whys), plan (actions), complete-action, verify (effective), close or reopen; requires If-Match.");

        group.MapGet("/readiness", async (Guid orgId, GetReadinessHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(orgId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Stage 1 and Stage 2 readiness per standard and integrated: score, checks and blocking items with where to fix them.");
    }
}
