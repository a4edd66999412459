namespace Harmonia.Web.Features.Reviews;

public static class ReviewsModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapReviews(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapReviewsEndpoints();
        app.MapReviewPageEndpoints();
    }
}
