using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Work;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Work;

/// <summary>Recurring activities: the API under /api/orgs/{orgId}/recurring-activities and the page's form posts.</summary>
internal static class RecurringActivityEndpoints
{
    public static string Page(Guid orgId) => $"/orgs/{orgId}/recurring";

    public static void MapRecurringActivityEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/recurring-activities").WithTags("Work");
        group.MapGet("/", async (ListRecurringActivitiesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The recurring activities (RFC 5545 rules) with the last year's occurrences, done (and how) or overdue, and the next four.");

        group.MapPost("/", async (Guid orgId, RecurringActivityInput input, SaveRecurringActivityHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var saved = await handler.CreateAsync(input, ct);
                response.Headers.ETag = EndpointConventions.ETag(saved.Version);
                return TypedResults.Created($"/api/orgs/{orgId}/recurring-activities/{saved.Id}", saved);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Define a recurring activity: title, kind control|review|measurement|internal-audit, control (key, for kind control), rule (RRULE, e.g. FREQ=MONTHLY;INTERVAL=3), startsOn, owner, ownerAccount.");

        group.MapPost("/defaults", async (AddDefaultRecurringActivitiesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePermission(Permission.Edit)
            .WithSummary("Add the usual rhythms with the cycles of the questionnaire answers (policy, risk, impact assessment, access and supplier reviews, internal audit, management review, awareness training); titles the organization already has are skipped.");

        group.MapGet("/{activityId:guid}", async (Guid activityId, ListRecurringActivitiesHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var activity = await handler.OneAsync(activityId, ct);
                response.Headers.ETag = EndpointConventions.ETag(activity.Version);
                return Results.Ok(activity);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("One recurring activity with its occurrences.");

        group.MapPut("/{activityId:guid}", (Guid activityId, RecurringActivityInput input, SaveRecurringActivityHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.UpdateAsync(activityId, version, input, ct), a => a.Version))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Replace a recurring activity (If-Match with its ETag); occurrences recorded done stay.");

        group.MapDelete("/{activityId:guid}", async (Guid activityId, DeleteRecurringActivityHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(activityId, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.Delete)
            .WithSummary("Stop a recurring activity; its history stays in the audit trail.");

        group.MapPost("/{activityId:guid}/occurrences/{on}/done", async (Guid activityId, string on, OccurrenceDoneInput? input, RecordOccurrenceDoneHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(activityId, App.Features.Interop.ImportColumns.Date(on)
                    ?? throw new App.Common.InvalidInputException(new Dictionary<string, string[]> { ["on"] = [$"'{on}' is not a date; write the occurrence as yyyy-mm-dd."] }), input?.Note, ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Record one occurrence (yyyy-mm-dd, a day the rule falls on, not ahead by more than the next one) done, with a note of what shows it.");
    }

    public static void MapRecurringActivityPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/recurring/add", (Guid orgId, HttpRequest request, SaveRecurringActivityHandler save, CancellationToken ct) =>
                PageForms.Outcome(Page(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var saved = await save.CreateAsync(new RecurringActivityInput(FormValues.Text(form, "title"), FormValues.Text(form, "kind"), FormValues.Text(form, "control"),
                        FormValues.Text(form, "rule"), FormValues.Date(form, "startsOn"), FormValues.Text(form, "owner"), FormValues.Text(form, "ownerAccount")), ct);
                    return $"{Page(orgId)}?saved={Uri.EscapeDataString($"{saved.Key} {saved.Title} added")}#{saved.Key}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/recurring/defaults", (Guid orgId, AddDefaultRecurringActivitiesHandler handler, CancellationToken ct) =>
                PageForms.Outcome(Page(orgId), async () =>
                {
                    var result = await handler.HandleAsync(ct);
                    return $"{Page(orgId)}?saved={Uri.EscapeDataString(result.Added.Count == 0 ? "every usual rhythm is already there" : $"{result.Added.Count} rhythms added from the questionnaire's cycles")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/recurring/{activityId:guid}/done", (Guid orgId, Guid activityId, HttpRequest request, RecordOccurrenceDoneHandler record, CancellationToken ct) =>
                PageForms.Outcome(Page(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var on = FormValues.Date(form, "on") ?? throw new App.Common.InvalidInputException(new Dictionary<string, string[]> { ["on"] = ["Pick the occurrence that was done."] });
                    var saved = await record.HandleAsync(activityId, on, FormValues.Text(form, "note"), ct);
                    return $"{Page(orgId)}?saved={Uri.EscapeDataString($"{saved.Key} of {on:yyyy-MM-dd} recorded done")}#{saved.Key}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
    }
}

/// <summary>What shows the occurrence was done, e.g. "minutes of the 2026-Q4 access review in the ISMS folder".</summary>
public sealed record OccurrenceDoneInput(string? Note);
