namespace Harmonia.Web.Features.Objectives;

public static class ObjectivesModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapObjectives(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapObjectivesEndpoints();
        app.MapObjectivePageEndpoints();
    }
}
