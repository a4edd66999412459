namespace Harmonia.Web.Features.AiSystems;

public static class AiSystemsModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapAiSystems(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapAiSystemsEndpoints();
        organization.MapAiConcernsEndpoints();
        app.MapAiSystemPageEndpoints();
        app.MapAiConcernPageEndpoints();
    }
}
