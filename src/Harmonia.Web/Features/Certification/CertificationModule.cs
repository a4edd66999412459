namespace Harmonia.Web.Features.Certification;

public static class CertificationModule
{
    /// <summary>The module's API under /api/orgs/{orgId} (audit time, certificates, candidate bodies) and its page forms.</summary>
    public static void MapCertification(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapCertificationEndpoints();
        organization.MapEngagementEndpoints();
        app.MapCertificationPageEndpoints();
        app.MapEngagementPageEndpoints();
    }
}
