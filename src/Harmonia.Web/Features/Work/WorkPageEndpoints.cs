using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Work;
using Harmonia.Web.Components.Shared;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmonia.Web.Features.Work;

/// <summary>Form posts of the My work page (cookie sign-in, antiforgery checked).</summary>
internal static class WorkPageEndpoints
{
    public static void MapWorkPageEndpoints(this WebApplication app)
    {
        // The new address is shown once, in the answer to the post itself: the secret never travels in a redirect.
        app.MapPost("/orgs/{orgId:guid}/work/calendar-feed", async Task<RazorComponentResult<NewCalendarFeedPage>> (Guid orgId, HttpContext http, CreateCalendarFeedHandler create, CancellationToken ct) =>
                Shown(orgId, http, await create.HandleAsync(new CreateCalendarFeedRequest(CurrentUser.Id(http)), ct), "your own due work"))
            .RequirePagePermission(Permission.Read)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/work/calendar-feed/organization", async Task<RazorComponentResult<NewCalendarFeedPage>> (Guid orgId, HttpContext http, CreateCalendarFeedHandler create, CancellationToken ct) =>
                Shown(orgId, http, await create.HandleAsync(new CreateCalendarFeedRequest(null), ct), "all of the organization's due work"))
            .RequirePagePermission(Permission.Approve)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/work/calendar-feeds/{feedId:guid}/revoke", (Guid orgId, Guid feedId, HttpContext http, RevokeCalendarFeedHandler revoke, CancellationToken ct) =>
                PageForms.Outcome(Links.MyWork(orgId), async () =>
                {
                    await revoke.HandleAsync(feedId, WorkEndpoints.Viewer(http), ct);
                    return $"{Links.MyWork(orgId)}?saved={Uri.EscapeDataString("calendar feed revoked")}#calendar";
                }))
            .RequirePagePermission(Permission.Read)
            .ValidateFormAntiforgery();
    }

    private static RazorComponentResult<NewCalendarFeedPage> Shown(Guid orgId, HttpContext http, CreatedCalendarFeed feed, string what) =>
        new(new { OrgId = orgId, Url = $"{http.Request.Scheme}://{http.Request.Host}{feed.Path}", What = what });
}
