namespace Harmonia.Web.Features.Search;

public static class SearchModule
{
    /// <summary>The search API under /api/orgs/{orgId}; the page reads the same use case.</summary>
    public static void MapSearch(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization) =>
        organization.MapSearchEndpoints();
}
