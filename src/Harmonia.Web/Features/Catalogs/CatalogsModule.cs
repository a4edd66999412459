namespace Harmonia.Web.Features.Catalogs;

public static class CatalogsModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapCatalogs(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        api.MapCatalogEndpoints();
        organization.MapOwnFrameworkEndpoints();
        app.MapOwnFrameworkPageEndpoints();
    }
}
