namespace Harmonia.Web.Features.Competence;

public static class CompetenceModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapCompetence(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapCompetenceEndpoints();
        app.MapCompetencePageEndpoints();
    }
}
