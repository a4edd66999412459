using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Certification;
using Harmonia.Web.Components.Shared;
using Harmonia.Web.Features.Accounts;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Certification;

/// <summary>
/// Engagements with external auditors (ADR 0019). The organization's routes need its own permissions; the auditor's
/// routes (…/workspace and what hangs below it) need <see cref="Permission.Engage"/>, which only the External auditor
/// role has, and answer 404 for an engagement that is not the caller's or not open today.
/// </summary>
internal static class EngagementEndpoints
{
    public static void MapEngagementEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/engagements").WithTags("External audit engagements");

        group.MapGet("/", async (ListEngagementsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Engagements with external auditors, newest first, each with its scope, access dates and status (not started, open, ended, closed).");

        group.MapPost("/", async Task<IResult> (Guid orgId, EngagementInput input, HttpContext http, InviteExternalAuditorHandler handler, CancellationToken ct) =>
            {
                // As for members: a stolen token must not be enough to hand out a role.
                if (!await Reauthentication.ConfirmAsync(http, input.Passphrase, renewSession: false))
                {
                    return Problems.Of(StatusCodes.Status403Forbidden, "Passphrase needed", "Inviting an external auditor grants a role and needs your own passphrase in the 'passphrase' field of the request. Nothing was changed.");
                }

                var created = await handler.HandleAsync(new InviteExternalAuditorRequest(orgId, input, CurrentUser.Id(http), MembersEndpoints.CallerRole(http), HarmoniaSignInManager.Address(http)), ct);
                return TypedResults.Created($"/api/orgs/{orgId}/engagements/{created.Engagement.Id}", new
                {
                    created.Engagement,
                    created.Invitation,
                    Link = created.InvitationToken is { } token ? MembersEndpoints.InvitationAddress(http, token) : null,
                    Delivery = created.InvitationToken is null ? "The auditor already has the External auditor role here; the engagement opens for them on its first day." : MembersEndpoints.HandOver,
                });
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Open an engagement and invite the external auditor: title, auditorEmail, standards (iso27001-2022, iso42001-2023), requirementIds (optional focus), periodFrom/periodTo (records under audit), startsOn/endsOn (the auditor's access, at most 366 days; it ends by itself after endsOn), passphrase (the caller's own). 201 with the invitation link, shown once.");

        group.MapGet("/{engagementId:guid}", async (Guid engagementId, ListEngagementsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.OneAsync(engagementId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("One engagement with its evidence requests, samples and findings (the organization's view).");

        group.MapPost("/{engagementId:guid}/requests/{requestId:guid}/answer", async (Guid engagementId, Guid requestId, EvidenceAnswerInput input, AnswerEvidenceRequestHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(engagementId, requestId, input, ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Answer an open or returned evidence request: evidenceId (evidence of this organization; upload a file through the evidence routes first) and an optional answer note.");

        group.MapPost("/{engagementId:guid}/close", async (Guid engagementId, CloseEngagementHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(engagementId, ct)))
            .RequirePermission(Permission.ManageMembers)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Close the engagement: the auditor's access ends today and every finding becomes a nonconformity (NC-n) of the organization.");

        var workspace = group.MapGroup("/{engagementId:guid}/workspace");

        workspace.MapGet("/", async (Guid engagementId, HttpContext http, ListEngagementsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.WorkspaceAsync(engagementId, CurrentUser.Id(http), ct)))
            .RequirePermission(Permission.Engage)
            .WithSummary("The external auditor's workspace: the engagement's scope, requests, samples and findings (only while it is open).");

        workspace.MapPost("/requests", async (Guid orgId, Guid engagementId, EvidenceRequestInput input, HttpContext http, RequestEvidenceHandler handler, CancellationToken ct) =>
                TypedResults.Created($"/api/orgs/{orgId}/engagements/{engagementId}/workspace", await handler.HandleAsync(engagementId, CurrentUser.Id(http), input, ct)))
            .RequirePermission(Permission.Engage)
            .WithSummary("Request a piece of evidence: text, dueOn, assigneeEmail (a member of the organization).");

        workspace.MapPost("/requests/{requestId:guid}/judgement", async (Guid engagementId, Guid requestId, EvidenceJudgementInput input, HttpContext http, JudgeEvidenceRequestHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(engagementId, requestId, CurrentUser.Id(http), input, ct)))
            .RequirePermission(Permission.Engage)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Accept an answered request (decision accept) or return it (decision return, with a comment saying what is missing).");

        workspace.MapPost("/samples", async (Guid orgId, Guid engagementId, SampleInput input, HttpContext http, DrawSampleHandler handler, CancellationToken ct) =>
                TypedResults.Created($"/api/orgs/{orgId}/engagements/{engagementId}/workspace", await handler.HandleAsync(engagementId, CurrentUser.Id(http), input, ct)))
            .RequirePermission(Permission.Engage)
            .WithSummary("Draw a sample: population (evidence, risks, nonconformities, audit-results), size (1-200), seed (optional; the same seed over the same population draws the same sample). The method, seed and the population's fingerprint are stored.");

        workspace.MapPost("/findings", async (Guid orgId, Guid engagementId, EngagementFindingInput input, HttpContext http, RecordEngagementFindingHandler handler, CancellationToken ct) =>
                TypedResults.Created($"/api/orgs/{orgId}/engagements/{engagementId}/workspace", await handler.HandleAsync(engagementId, CurrentUser.Id(http), input, ct)))
            .RequirePermission(Permission.Engage)
            .WithSummary("Raise a finding: grade (minor, major, observation), text, requirementIds of the audited standards. It becomes the organization's nonconformity when the engagement closes.");

        workspace.MapGet("/requests/{requestId:guid}/evidence", async (Guid engagementId, Guid requestId, HttpContext http, OpenRequestedEvidenceHandler handler, CancellationToken ct) =>
                RequestedEvidenceResult(await handler.HandleAsync(engagementId, requestId, CurrentUser.Id(http), ct)))
            .RequirePermission(Permission.Engage)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("The evidence given in answer to a request, current version: the file itself, or for a link 200 with its title and url. The opening is recorded against the engagement.");

        workspace.MapGet("/audit-pack.zip", async (Guid engagementId, HttpContext http, DownloadEngagementAuditPackHandler handler, CancellationToken ct) =>
                Downloads.File(await handler.HandleAsync(engagementId, CurrentUser.Id(http), ct)))
            .RequirePermission(Permission.Engage)
            .WithSummary("The signed audit pack limited to the engagement's scope (scope.md says how): SoAs of its standards, published documents, risk treatment plan, impact assessments, audit and review records and the audit-trail extract of its period, the evidence index of its controls; the download is recorded against the engagement.");
    }

    public static IResult RequestedEvidenceResult(RequestedEvidence evidence) => evidence.File is { } file
        ? Results.Stream(file.Content, file.ContentType, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""))
        : Results.Ok(new { evidence.Title, evidence.Url });
}
