namespace Harmonia.Web.Features.Documents;

public static class DocumentsModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapDocuments(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapDocumentsEndpoints();
        app.MapDocumentPageEndpoints();
    }
}
