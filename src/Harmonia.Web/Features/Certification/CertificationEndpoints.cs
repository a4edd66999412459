using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Certification;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Certification;

internal static class CertificationEndpoints
{
    public static void MapCertificationEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Certification");

        group.MapGet("/audit-time", async (Guid orgId, GetAuditTimeHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var view = await handler.HandleAsync(orgId, ct);
                response.Headers.ETag = EndpointConventions.ETag(view.Overrides.Version);
                return TypedResults.Ok(view);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("The audit-time estimate: initial (Stage 1 + Stage 2), surveillance and recertification days for ISO/IEC 27001, ISO/IEC 42001 and the integrated audit, every input with its source, every factor with its reason, the integration levels found in the records, and the tables' sources. The ETag is the version of the overrides (0 before any).");

        group.MapPut("/audit-time/inputs", (Guid orgId, AuditTimeInputsInput input, SaveAuditTimeInputsHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.HandleAsync(orgId, version, input, ct), v => v.Overrides.Version))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Override audit-time inputs (If-Match with the estimate's ETag): personsInScope, identicalLowRiskPersons, sites, businessComplexity and itComplexity (low, medium, high), aiPersons, aiRole (producer, single-other-role, multiple-roles), note. An empty field goes back to the value derived from the data.");

        group.MapGet("/certificates", async (Guid orgId, ListCertificatesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(orgId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Certificates (soonest expiry first), each with its three-year cycle: surveillance audits in years one and two and recertification before expiry, the planned scope of each (mandatory clauses and a share of the SoA's included controls), whether an internal audit and a management review exist before each, and the body's findings.");

        group.MapPost("/certificates", async (Guid orgId, CertificateInput input, SaveCertificateHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var certificate = await handler.CreateAsync(orgId, input, ct);
                response.Headers.ETag = EndpointConventions.ETag(certificate.Version);
                return TypedResults.Created($"/api/orgs/{orgId}/certificates/{certificate.Id}", certificate);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Record a certificate: frameworkId (iso27001-2022, iso42001-2023), number, body, scope statement, issuedOn, expiresOn (at most three years later).");

        group.MapGet("/certificates/{certificateId:guid}", async (Guid orgId, Guid certificateId, ListCertificatesHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var certificate = await handler.OneAsync(orgId, certificateId, ct);
                response.Headers.ETag = EndpointConventions.ETag(certificate.Version);
                return TypedResults.Ok(certificate);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("One certificate with its cycle and findings.");

        group.MapPut("/certificates/{certificateId:guid}", (Guid orgId, Guid certificateId, CertificateInput input, SaveCertificateHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.UpdateAsync(orgId, certificateId, version, input, ct), c => c.Version))
            .RequirePermission(Permission.Edit)
            .WithSummary("Replace a certificate (If-Match with its ETag), e.g. after recertification.");

        group.MapGet("/certificates/{certificateId:guid}/held-documents", async (Guid certificateId, ListHeldDocumentsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(certificateId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The certificate's document list: every documented-information requirement of its standard, the document Harmonia holds for it, the one held elsewhere, and whether readiness counts it.");

        group.MapPut("/certificates/{certificateId:guid}/held-documents", async (Guid certificateId, IReadOnlyList<HeldDocumentInput> input, SaveHeldDocumentsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(certificateId, input, ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Replace the list of documents held outside Harmonia: [{requirementId, title, reference, datedOn, location}], one per documented-information requirement; a requirement left out is taken off the list.");

        group.MapPost("/certificates/{certificateId:guid}/findings", async (Guid orgId, Guid certificateId, BodyFindingInput input, RecordBodyFindingHandler handler, CancellationToken ct) =>
                TypedResults.Created($"/api/orgs/{orgId}/certificates/{certificateId}", await handler.HandleAsync(orgId, certificateId, input, ct)))
            .RequirePermission(Permission.Edit)
            .WithSummary("Record a finding of the certification body as a nonconformity (NC-n): audit (initial, surveillance-1, surveillance-2, recertification), grade (major, minor), text, requirementIds of the certificate's standard, bodyReference, respondBy and closeBy (the body's deadlines).");

        group.MapGet("/certification-bodies", async (Guid orgId, ListCandidateBodiesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(orgId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Candidate certification bodies per standard, each with its checklist (accreditation, IAF MLA, AI competence, integrated audit, languages, sites) and its quote compared with the estimate.");

        group.MapPost("/certification-bodies", async (Guid orgId, CandidateBodyInput input, SaveCandidateBodyHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var body = await handler.CreateAsync(orgId, input, ct);
                response.Headers.ETag = EndpointConventions.ETag(body.Version);
                return TypedResults.Created($"/api/orgs/{orgId}/certification-bodies", body);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Add a candidate body for a standard (iso27001-2022, iso42001-2023, integrated) with its checklist answers and quote (days per audit in half days, price for the cycle, currency).");

        group.MapPut("/certification-bodies/{bodyId:guid}", (Guid orgId, Guid bodyId, CandidateBodyInput input, SaveCandidateBodyHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.UpdateAsync(orgId, bodyId, version, input, ct), b => b.Version))
            .RequirePermission(Permission.Edit)
            .WithSummary("Replace a candidate body's checklist and quote (If-Match with its ETag).");
    }
}
