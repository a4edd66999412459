using Harmonia.App.Common;

namespace Harmonia.Web.Features.Evidence;

public static class EvidenceModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapEvidence(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        var store = app.Services.GetRequiredService<EvidenceStoreSettings>();
        organization.MapEvidenceEndpoints(store);
        app.MapEvidencePageEndpoints(store);
    }
}
