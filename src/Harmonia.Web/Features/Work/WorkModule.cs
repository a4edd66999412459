namespace Harmonia.Web.Features.Work;

public static class WorkModule
{
    /// <summary>The module's API under /api/orgs/{orgId}, its page forms, and the calendar feed address outside the session.</summary>
    public static void MapWork(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapWorkEndpoints();
        organization.MapCalendarFeedEndpoints();
        app.MapCalendarFeedRead();
        app.MapWorkPageEndpoints();
        organization.MapRecurringActivityEndpoints();
        app.MapRecurringActivityPageEndpoints();
        organization.MapNotificationEndpoints();
        app.MapNotificationPageEndpoints();
        organization.MapOwnerEndpoints();
        app.MapOwnerPageEndpoints();

        // Read once at start, so a mistyped Mail: setting stops the server instead of failing every reminder later.
        app.Services.GetRequiredService<Harmonia.App.Features.Work.MailSettings>();
    }
}
