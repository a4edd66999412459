using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Audits;
using Harmonia.Domain.Audits;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Audits;

/// <summary>Form posts of the audit programme, audit checklist and nonconformity pages (cookie sign-in, antiforgery checked).</summary>
internal static class AuditPageEndpoints
{
    /// <summary>The plan form offers three action rows: enough for one round; a later round plans more.</summary>
    public const int ActionRows = 3;

    private const string AuditRoute = "/orgs/{orgId:guid}/audits/{auditId:guid}";
    private const string NonconformityRoute = "/orgs/{orgId:guid}/nonconformities/{nonconformityId:guid}";

    public static void MapAuditPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/audits/plan", (Guid orgId, HttpRequest request, PlanAuditHandler plan, CancellationToken ct) =>
                PageForms.Outcome(Links.Audits(orgId), async () =>
                {
                    var audit = await plan.HandleAsync(ReadAudit(await request.ReadFormAsync(ct)), ct);
                    return $"{Links.Audit(orgId, audit.Id)}?saved={Uri.EscapeDataString($"audit {audit.Key} planned")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(AuditRoute + "/results", (Guid orgId, Guid auditId, HttpRequest request, RecordAuditResultHandler record, CancellationToken ct) =>
                PageForms.Outcome(Links.Audit(orgId, auditId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var item = FormValues.Text(form, "item");
                    var input = new AuditResultInput(item, FormValues.Text(form, "grade"), FormValues.Text(form, "note"), FormValues.Text(form, "sampled"));
                    var row = await record.HandleAsync(auditId, input, ct);

                    // Back to the row just saved, so working down a long checklist does not mean scrolling from the top each time.
                    var grade = Enum.Parse<FindingGrade>(row.Result.Grade);
                    var saved = $"{row.Ref} recorded as {grade.ToLabel().ToLowerInvariant()}" + (row.Raised is { } nc ? $"; nonconformity {nc.Key} was raised (listed below)" : string.Empty);
                    return $"{Links.Audit(orgId, auditId)}?saved={Uri.EscapeDataString(saved)}#{AuditAnchors.Row(row.ItemKey)}";
                }))
            .RequirePagePermission(Permission.RecordAudit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(AuditRoute + "/results/bulk", (Guid orgId, Guid auditId, HttpRequest request, RecordAuditResultsHandler record, CancellationToken ct) =>
                PageForms.Outcome(Links.Audit(orgId, auditId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var input = new AuditResultsInput(form["items"].OfType<string>().ToArray(), FormValues.Text(form, "bulkGrade"), FormValues.Text(form, "bulkNote"), FormValues.Text(form, "bulkSampled"));
                    var recorded = await record.HandleAsync(auditId, input, ct);
                    var grade = Enum.Parse<FindingGrade>(input.Grade!.Trim(), ignoreCase: true);
                    var saved = $"{(recorded.Recorded == 1 ? "1 item" : $"{recorded.Recorded} items")} recorded as {grade.ToLabel().ToLowerInvariant()} ({string.Join(", ", recorded.Refs)})"
                        + (recorded.Raised.Count == 0 ? string.Empty : $"; nonconformities {string.Join(", ", recorded.Raised)} were raised (listed below)");
                    return $"{Links.Audit(orgId, auditId)}?saved={Uri.EscapeDataString(saved)}#checklist";
                }))
            .RequirePagePermission(Permission.RecordAudit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapGet("/orgs/{orgId:guid}/nonconformities/export/{format}", async (string format, int? all, string? sort, ExportNonconformitiesHandler export, CancellationToken ct) =>
                Downloads.File(await export.HandleAsync(format, open: all != 1, PageSort.Of(sort, ListNonconformitiesHandler.SortKeys.Keys, ListNonconformitiesHandler.DefaultSort), ct)))
            .RequirePagePermission(Permission.Read);

        app.MapGet(AuditRoute + "/report/{format}", async (Guid auditId, string format, ExportAuditReportHandler export, CancellationToken ct) =>
                Downloads.File(await export.HandleAsync(auditId, format, ct)))
            .RequirePagePermission(Permission.Read);

        app.MapPost(AuditRoute + "/complete", (Guid orgId, Guid auditId, CompleteAuditHandler complete, CancellationToken ct) =>
                PageForms.Outcome(Links.Audit(orgId, auditId), async () =>
                {
                    var detail = await complete.HandleAsync(auditId, ct);
                    return $"{Links.Audit(orgId, auditId)}?saved={Uri.EscapeDataString($"audit {detail.Audit.Key} completed")}";
                }))
            .RequirePagePermission(Permission.RecordAudit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(NonconformityRoute + "/steps", (Guid orgId, Guid nonconformityId, HttpRequest request, AdvanceNonconformityHandler advance, CancellationToken ct) =>
                PageForms.Outcome(Links.Nonconformity(orgId, nonconformityId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);

                    // The hidden version is the form's If-Match: a step taken on a record someone changed since is refused.
                    var version = FormValues.Number(FormValues.Text(form, "version"));
                    var input = ReadStep(form);
                    NonconformityDto advanced;
                    try
                    {
                        advanced = await advance.HandleAsync(nonconformityId, version, input, ct);
                    }
                    catch (InvalidInputException refusal) when (refusal.Errors.Count == 0 && input.Step is { Length: > 0 } step)
                    {
                        // The lifecycle refuses a step as a whole; keyed by the step, the message sits in the step's
                        // form beside what was typed, and the summary links to it (ADR 0023).
                        throw new InvalidInputException(new Dictionary<string, string[]> { [step] = [refusal.Message] });
                    }

                    return $"{Links.Nonconformity(orgId, nonconformityId)}?saved={Uri.EscapeDataString($"{advanced.Key} is now {advanced.StateLabel}")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
    }

    private static AuditInput ReadAudit(IFormCollection form) => new(
        FormValues.Text(form, "key"),
        FormValues.Text(form, "title"),
        form["frameworks"].OfType<string>().ToArray(),
        FormValues.Keys(FormValues.Text(form, "requirementIds")),
        FormValues.Keys(FormValues.Text(form, "processes")),
        FormValues.Keys(FormValues.Text(form, "aiSystems")),
        FormValues.Keys(FormValues.Text(form, "sites")),
        FormValues.Text(form, "criteria"),
        FormValues.Date(form, "plannedStart"),
        FormValues.Date(form, "plannedEnd"),
        FormValues.Keys(FormValues.Text(form, "auditors")));

    /// <summary>
    /// One step from whichever form was posted: each form carries its step and only the fields that step reads. An
    /// action row left entirely empty is a row not used, not an action without a description.
    /// </summary>
    private static NonconformityStepInput ReadStep(IFormCollection form)
    {
        var actions = Enumerable.Range(0, ActionRows)
            .Select(i => (Description: FormValues.Text(form, $"a{i}.description"), Owner: FormValues.Text(form, $"a{i}.owner"), Due: FormValues.Text(form, $"a{i}.due"), Index: i))
            .Where(a => a.Description is not null || a.Owner is not null || a.Due is not null)
            .Select(a => new CorrectiveActionInput(a.Description, a.Owner, FormValues.Date(form, $"a{a.Index}.due")))
            .ToArray();
        bool? effective = FormValues.Text(form, "effective") switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };
        return new NonconformityStepInput(
            FormValues.Text(form, "step"),
            FormValues.Text(form, "text"),
            form["why"].OfType<string>().ToArray(),
            actions,
            FormValues.Text(form, "actionId"),
            effective);
    }
}

/// <summary>Fragment ids of checklist rows, shared by the page that renders them and the redirect that returns to them.</summary>
internal static class AuditAnchors
{
    /// <summary>"iso27001-2022:A.5.1" becomes "item-iso27001-2022-A-5-1": letters, digits and dashes only.</summary>
    public static string Row(string itemKey) =>
        "item-" + new string(itemKey.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
