namespace Harmonia.Web.Features.Risks;

public static class RisksModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapRisks(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapRisksEndpoints();
        app.MapRiskPageEndpoints();
    }
}
