using Harmonia.App.Accounts;
using Harmonia.App.Features.Reviews;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Reviews;

internal static class ReviewsEndpoints
{
    public static void MapReviewsEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Management review");

        group.MapGet("/management-reviews", async (ListManagementReviewsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Management reviews held, newest first, with the inputs as they were assembled, decisions and actions.");

        group.MapGet("/management-reviews/inputs", async (AssembleReviewInputsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The inputs for the next review, for both standards, assembled from the data since the previous review.");

        group.MapPost("/management-reviews", async (Guid orgId, ManagementReviewInput input, HoldManagementReviewHandler handler, CancellationToken ct) =>
            {
                var review = await handler.HandleAsync(input, ct);
                return TypedResults.Created($"/api/orgs/{orgId}/management-reviews", review);
            })
            .RequirePermission(Permission.Approve)
            .WithSummary("Record a review held by top management: date, attendees, decisions, actions (owner, due); the inputs are captured as of now.");
    }
}
