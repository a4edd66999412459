namespace Harmonia.Web.Features.Organizations;

public static class OrganizationsModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapOrganizations(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        api.MapOrganizationsEndpoints(organization);
        organization.MapTopManagementEndpoints();
        app.MapPageFileEndpoints();
        app.MapTopManagementForms();
    }
}
