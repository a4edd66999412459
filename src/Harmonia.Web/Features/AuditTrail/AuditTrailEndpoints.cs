using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.AuditTrail;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.AuditTrail;

internal static class AuditTrailEndpoints
{
    public static void MapAuditTrailEndpoints(this RouteGroupBuilder organization)
    {
        var trail = organization.MapGroup("/audit-trail").WithTags("Audit trail");

        trail.MapGet("/", async (int? page, int? pageSize, ListAuditEventsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), ct)))
            .RequirePermission(Permission.ReadAuditTrail)
            .WithSummary("Every change, newest first, with the fields before and after.");

        trail.MapGet("/verify", async (Guid orgId, VerifyAuditTrailHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(new VerifyAuditTrailRequest(orgId), ct)))
            .RequirePermission(Permission.ReadAuditTrail)
            .WithSummary("Check the hash chain; names the first broken link.");
    }
}
