namespace Harmonia.Web.Features.Soa;

public static class SoaModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapSoa(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapSoaEndpoints();
        app.MapSoaPageEndpoints();
    }
}
