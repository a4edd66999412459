namespace Harmonia.Web.Features.Readiness;

public static class ReadinessModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapReadiness(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapRoadmapEndpoints();
        app.MapRoadmapPageEndpoints();
    }
}
