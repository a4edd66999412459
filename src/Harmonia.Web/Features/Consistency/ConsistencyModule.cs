namespace Harmonia.Web.Features.Consistency;

public static class ConsistencyModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page form.</summary>
    public static void MapConsistency(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapConsistencyEndpoints();
        app.MapConsistencyPageEndpoints();
    }
}
