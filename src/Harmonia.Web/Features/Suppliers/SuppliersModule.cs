namespace Harmonia.Web.Features.Suppliers;

public static class SuppliersModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapSuppliers(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapSuppliersEndpoints();
        organization.MapSupplierQuestionnairesEndpoints();
        app.MapSupplierPageEndpoints();
        app.MapSupplierQuestionnairePageEndpoints();
        app.MapSupplierLinkEndpoints();
    }
}
