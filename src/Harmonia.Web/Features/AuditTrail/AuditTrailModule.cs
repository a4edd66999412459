namespace Harmonia.Web.Features.AuditTrail;

public static class AuditTrailModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapAuditTrail(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapAuditTrailEndpoints();
    }
}
