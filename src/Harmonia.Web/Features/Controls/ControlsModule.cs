namespace Harmonia.Web.Features.Controls;

public static class ControlsModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapControls(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapControlsEndpoints();
    }
}
