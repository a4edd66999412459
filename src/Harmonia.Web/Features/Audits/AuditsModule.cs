namespace Harmonia.Web.Features.Audits;

public static class AuditsModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapAudits(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapAuditsEndpoints();
        app.MapAuditPageEndpoints();
    }
}
