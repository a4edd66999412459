namespace Harmonia.Web.Features.Gaps;

public static class GapsModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapGaps(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapGapEndpoints();
        organization.MapResultsEndpoints();
        app.MapGapPageEndpoints();
    }
}
