using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Work;
using Harmonia.Web.Components.Shared;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Work;

internal static class CalendarFeedEndpoints
{
    public static void MapCalendarFeedEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Work");

        group.MapGet("/calendar-feeds", async (ListCalendarFeedsHandler handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(WorkEndpoints.Viewer(http), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The caller's calendar feed addresses (Owners and Managers: every feed of the organization), without their secrets.");

        group.MapPost("/calendar-feeds/me", async (Guid orgId, CreateCalendarFeedHandler handler, HttpContext http, CancellationToken ct) =>
                Created(orgId, http, await handler.HandleAsync(new CreateCalendarFeedRequest(CurrentUser.Id(http)), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("A new ICS feed address of the caller's own due work; it replaces (revokes) their previous one. The secret is in the answer only.");

        group.MapPost("/calendar-feeds/organization", async (Guid orgId, CreateCalendarFeedHandler handler, HttpContext http, CancellationToken ct) =>
                Created(orgId, http, await handler.HandleAsync(new CreateCalendarFeedRequest(null), ct)))
            .RequirePermission(Permission.Approve)
            .WithSummary("A new ICS feed address of all the organization's due work (Owners and Managers); it replaces the previous organization feed.");

        group.MapDelete("/calendar-feeds/{feedId:guid}", async (Guid feedId, RevokeCalendarFeedHandler handler, HttpContext http, CancellationToken ct) =>
            {
                await handler.HandleAsync(feedId, WorkEndpoints.Viewer(http), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.Read)
            .WithSummary("Revoke a feed address: one's own, or (Owners and Managers) any of the organization. The address stops answering at once.");
    }

    /// <summary>The feed itself: no session and no cookie, the secret in the address is the only key.</summary>
    public static void MapCalendarFeedRead(this WebApplication app) =>
        app.MapGet("/calendar/{token}.ics", async (string token, ReadCalendarFeedHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var ics = await handler.HandleAsync(token, ct);
                if (ics is null)
                {
                    return Results.NotFound();
                }

                response.Headers.CacheControl = "private, no-store";
                return Results.Text(ics, "text/calendar; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static Microsoft.AspNetCore.Http.HttpResults.Created<NewCalendarFeedDto> Created(Guid orgId, HttpContext http, CreatedCalendarFeed feed) =>
        TypedResults.Created($"/api/orgs/{orgId}/calendar-feeds", new NewCalendarFeedDto(feed.Id, feed.Token, feed.Path, $"{http.Request.Scheme}://{http.Request.Host}{feed.Path}"));
}

/// <summary>A new feed address: the secret is in <paramref name="Url"/> and shown only in this answer.</summary>
internal sealed record NewCalendarFeedDto(Guid Id, string Token, string Path, string Url);
