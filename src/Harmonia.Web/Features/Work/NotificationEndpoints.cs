using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Work;
using Harmonia.Web.Components.Shared;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Work;

/// <summary>The inbox, reminder settings and (for Owners) mail problems and the schedule: the API and the pages' form posts.</summary>
internal static class NotificationEndpoints
{
    public static string InboxPage(Guid orgId) => $"/orgs/{orgId}/inbox";

    public static string RemindersPage(Guid orgId) => $"/orgs/{orgId}/reminders";

    public static void MapNotificationEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Work");

        group.MapGet("/notifications", async (bool? unread, int? page, int? pageSize, ListNotificationsHandler handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(CurrentUser.Id(http), unread ?? false, PageRequest.Of(page, pageSize), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The caller's inbox: reminders (assigned, due soon, overdue, weekly digest), newest first, with the unread count and whether each was e-mailed. unread=true for the unread only.");

        group.MapPost("/notifications/{notificationId:guid}/read", async (Guid notificationId, MarkNotificationsReadHandler handler, HttpContext http, CancellationToken ct) =>
            {
                await handler.HandleAsync(CurrentUser.Id(http), notificationId, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.Read)
            .WithSummary("Mark one of the caller's notifications read.");

        group.MapPost("/notifications/read-all", async (MarkNotificationsReadHandler handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(new { marked = await handler.AllAsync(CurrentUser.Id(http), ct) }))
            .RequirePermission(Permission.Read)
            .WithSummary("Mark all the caller's notifications read.");

        group.MapGet("/reminder-preferences", async (GetReminderPreferencesHandler handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(CurrentUser.Id(http), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Which reminders reach the caller by e-mail; emailConfigured=false means the server sends none and reminders show in the app only.");

        group.MapPut("/reminder-preferences", async (ReminderPreferencesInput input, SaveReminderPreferencesHandler handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(CurrentUser.Id(http), input, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Replace the caller's reminder settings: assigned, dueSoon, dueSoonDays (1-60), overdue, weeklyDigest, digestOnly (a missing flag is off).");

        group.MapGet("/mail-problems", async (ListMailProblemsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Reminder e-mails of the organization that failed after every retry, may not have been sent, or wait for a retry (Owners).");

        group.MapGet("/scheduler", async (SchedulerStatus status, CancellationToken ct) => TypedResults.Ok(await status.ReadAsync(ct)))
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("The scheduled jobs (reminder sweep, e-mail delivery) with their interval and next run, and the recent runs on every node with their outcome (Owners).");
    }

    public static void MapNotificationPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/inbox/{notificationId:guid}/read", (Guid orgId, Guid notificationId, MarkNotificationsReadHandler handler, HttpContext http, CancellationToken ct) =>
                PageForms.Outcome(InboxPage(orgId), async () =>
                {
                    await handler.HandleAsync(CurrentUser.Id(http), notificationId, ct);
                    return InboxPage(orgId);
                }))
            .RequirePagePermission(Permission.Read)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/inbox/read-all", (Guid orgId, MarkNotificationsReadHandler handler, HttpContext http, CancellationToken ct) =>
                PageForms.Outcome(InboxPage(orgId), async () =>
                {
                    var marked = await handler.AllAsync(CurrentUser.Id(http), ct);
                    return $"{InboxPage(orgId)}?saved={Uri.EscapeDataString(marked == 1 ? "1 notification marked read" : $"{marked} notifications marked read")}";
                }))
            .RequirePagePermission(Permission.Read)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/reminders/save", (Guid orgId, HttpRequest request, SaveReminderPreferencesHandler handler, HttpContext http, CancellationToken ct) =>
                PageForms.Outcome(RemindersPage(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var days = FormValues.Text(form, "dueSoonDays");
                    var input = new ReminderPreferencesInput(form.ContainsKey("assigned"), form.ContainsKey("dueSoon"),
                        int.TryParse(days, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : days is null ? null : -1,
                        form.ContainsKey("overdue"), form.ContainsKey("weeklyDigest"), form.ContainsKey("digestOnly"));
                    await handler.HandleAsync(CurrentUser.Id(http), input, ct);
                    return $"{RemindersPage(orgId)}?saved={Uri.EscapeDataString("your reminder settings are saved")}";
                }))
            .RequirePagePermission(Permission.Read)
            .ValidateFormAntiforgery();
    }
}
