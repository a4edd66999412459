using System.Globalization;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Certification;
using Harmonia.Web.Components.Shared;
using Harmonia.Web.Features.Accounts;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmonia.Web.Features.Certification;

/// <summary>Form posts of the engagement pages: the organization's (invite, answer, close) and the auditor's workspace.</summary>
internal static class EngagementPageEndpoints
{
    public static void MapEngagementPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/engagements/invite", async Task<IResult> (Guid orgId, HttpRequest request, InviteExternalAuditorHandler invite, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var http = request.HttpContext;
                if (!await Reauthentication.RecentOrConfirmedAsync(http, form))
                {
                    // Nothing is opened: the form comes back with what was typed and asks for the passphrase again.
                    var refusal = Reauthentication.Refusal(http, form);
                    return Refused(http, Links.Engagements(orgId), form, refusal, new Dictionary<string, string[]>(StringComparer.Ordinal) { ["passphrase"] = [refusal] });
                }

                try
                {
                    var created = await invite.HandleAsync(new InviteExternalAuditorRequest(orgId, new EngagementInput(
                        FormValues.Text(form, "title"), FormValues.Text(form, "auditorEmail"), form["standards"].OfType<string>().ToArray(),
                        FormValues.Keys(FormValues.Text(form, "requirementIds")), FormValues.Date(form, "periodFrom"), FormValues.Date(form, "periodTo"),
                        FormValues.Date(form, "startsOn"), FormValues.Date(form, "endsOn")), CurrentUser.Id(http), MembersEndpoints.CallerRole(http), HarmoniaSignInManager.Address(http)), ct);
                    if (created.Invitation is not { } invitation)
                    {
                        return TypedResults.Redirect(PageForms.With(Links.Engagement(orgId, created.Engagement.Id), "saved", $"engagement opened for {created.Engagement.AuditorEmail}"));
                    }

                    return new RazorComponentResult<InvitationIssuedPage>(new
                    {
                        OrgId = orgId,
                        Link = MembersEndpoints.InvitationAddress(http, created.InvitationToken!),
                        invitation.Email,
                        Role = "external auditor for " + created.Engagement.Title,
                        invitation.ExpiresUtc,
                    });
                }
                catch (Exception ex) when (ex is not NotFoundException && PageForms.MessageFor(ex) is { } message)
                {
                    return Refused(http, Links.Engagements(orgId), form, message, (ex as InvalidInputException)?.Errors);
                }
            })
            .RequirePagePermission(Permission.ManageMembers)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/engagements/{engagementId:guid}/requests/{requestId:guid}/answer", async (Guid orgId, Guid engagementId, Guid requestId, HttpRequest request, AnswerEvidenceRequestHandler answer, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                return await PageForms.Outcome(Links.Engagement(orgId, engagementId), async () =>
                {
                    var evidence = FormValues.Text(form, "evidenceId") is { } text && Guid.TryParse(text, out var id) ? id : (Guid?)null;
                    var view = await answer.HandleAsync(engagementId, requestId, new EvidenceAnswerInput(evidence, FormValues.Text(form, "answer")), ct);
                    var number = view.Requests.Single(r => r.Id == requestId).Number;
                    return PageForms.With(Links.Engagement(orgId, engagementId), "saved", $"request {number} answered");
                });
            })
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/engagements/{engagementId:guid}/close", (Guid orgId, Guid engagementId, CloseEngagementHandler close, CancellationToken ct) =>
                PageForms.Outcome(Links.Engagement(orgId, engagementId), async () =>
                {
                    var view = await close.HandleAsync(engagementId, ct);
                    return PageForms.With(Links.Engagement(orgId, engagementId), "saved", $"engagement closed; {view.Findings.Count} finding(s) recorded as nonconformities");
                }))
            .RequirePagePermission(Permission.ManageMembers)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/engagements/{engagementId:guid}/workspace/requests", async (Guid orgId, Guid engagementId, HttpRequest request, RequestEvidenceHandler handler, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var page = Links.Workspace(orgId, engagementId);
                return await PageForms.Outcome(page, async () =>
                {
                    await handler.HandleAsync(engagementId, CurrentUser.Id(request.HttpContext), new EvidenceRequestInput(FormValues.Text(form, "text"), FormValues.Date(form, "dueOn"), FormValues.Text(form, "assigneeEmail")), ct);
                    return PageForms.With(page, "saved", "evidence requested") + "#requests";
                });
            })
            .RequirePagePermission(Permission.Engage)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/engagements/{engagementId:guid}/workspace/requests/{requestId:guid}/judgement", async (Guid orgId, Guid engagementId, Guid requestId, HttpRequest request, JudgeEvidenceRequestHandler handler, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var page = Links.Workspace(orgId, engagementId);
                return await PageForms.Outcome(page, async () =>
                {
                    await handler.HandleAsync(engagementId, requestId, CurrentUser.Id(request.HttpContext), new EvidenceJudgementInput(FormValues.Text(form, "decision"), FormValues.Text(form, "comment")), ct);
                    return PageForms.With(page, "saved", FormValues.Text(form, "decision") == "accept" ? "answer accepted" : "answer returned") + "#requests";
                });
            })
            .RequirePagePermission(Permission.Engage)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/engagements/{engagementId:guid}/workspace/samples", async (Guid orgId, Guid engagementId, HttpRequest request, DrawSampleHandler handler, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var page = Links.Workspace(orgId, engagementId);
                return await PageForms.Outcome(page, async () =>
                {
                    var view = await handler.HandleAsync(engagementId, CurrentUser.Id(request.HttpContext), new SampleInput(FormValues.Text(form, "population"), Whole(form, "size"), Long(form, "seed")), ct);
                    var drawn = view.Samples[^1];
                    return PageForms.With(page, "saved", $"{drawn.Size} of {drawn.PopulationSize} drawn with seed {drawn.Seed.ToString(CultureInfo.InvariantCulture)}") + "#samples";
                });
            })
            .RequirePagePermission(Permission.Engage)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/engagements/{engagementId:guid}/workspace/findings", async (Guid orgId, Guid engagementId, HttpRequest request, RecordEngagementFindingHandler handler, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var page = Links.Workspace(orgId, engagementId);
                return await PageForms.Outcome(page, async () =>
                {
                    await handler.HandleAsync(engagementId, CurrentUser.Id(request.HttpContext), new EngagementFindingInput(FormValues.Text(form, "grade"), FormValues.Text(form, "text"), FormValues.Keys(FormValues.Text(form, "requirementIds"))), ct);
                    return PageForms.With(page, "saved", "finding recorded") + "#findings";
                });
            })
            .RequirePagePermission(Permission.Engage)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapGet("/orgs/{orgId:guid}/engagements/{engagementId:guid}/workspace/audit-pack.zip", async Task<Results<FileContentHttpResult, NotFound>> (Guid engagementId, HttpContext http, DownloadEngagementAuditPackHandler handler, CancellationToken ct) =>
            {
                try
                {
                    return Downloads.File(await handler.HandleAsync(engagementId, CurrentUser.Id(http), ct));
                }
                catch (NotFoundException)
                {
                    return TypedResults.NotFound();
                }
            })
            .RequirePagePermission(Permission.Engage);

        // A link is followed only to http(s), so a stored value can never send the auditor's browser to a script address.
        app.MapGet("/orgs/{orgId:guid}/engagements/{engagementId:guid}/workspace/requests/{requestId:guid}/evidence", async Task<IResult> (Guid orgId, Guid engagementId, Guid requestId, HttpContext http, OpenRequestedEvidenceHandler handler, CancellationToken ct) =>
            {
                try
                {
                    var evidence = await handler.HandleAsync(engagementId, requestId, CurrentUser.Id(http), ct);
                    return evidence.File is not null
                        ? EngagementEndpoints.RequestedEvidenceResult(evidence)
                        : Uri.TryCreate(evidence.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? TypedResults.Redirect(url.AbsoluteUri) : TypedResults.NotFound();
                }
                catch (NotFoundException)
                {
                    return TypedResults.NotFound();
                }
                catch (InvalidInputException ex)
                {
                    return TypedResults.Redirect(PageForms.WithError(Links.Workspace(orgId, engagementId) + "#requests", ex.Message));
                }
            })
            .RequirePagePermission(Permission.Engage)
            .WithMetadata(new StateDependentMetadata());
    }

    /// <summary>
    /// Back to the page after a refusal: the message, the message per field and what was typed wait on the server for
    /// it (ADR 0023; the passphrase is never kept), nothing of it in the address.
    /// </summary>
    private static RedirectHttpResult Refused(HttpContext http, string page, IFormCollection form, string message, IReadOnlyDictionary<string, string[]>? fieldErrors)
    {
        FormFlashStore.Stage(http, message, null, fieldErrors is { Count: > 0 } ? fieldErrors : null, form);
        return TypedResults.Redirect(PageForms.WithError(page, message));
    }

    private static int? Whole(IFormCollection form, string field) => FormValues.Text(form, field) is not { } text
        ? null
        : int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidInputException(new Dictionary<string, string[]> { [field] = [$"'{text}' is not a whole number."] });

    private static long? Long(IFormCollection form, string field) => FormValues.Text(form, field) is not { } text
        ? null
        : long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidInputException(new Dictionary<string, string[]> { [field] = [$"'{text}' is not a whole number."] });
}
