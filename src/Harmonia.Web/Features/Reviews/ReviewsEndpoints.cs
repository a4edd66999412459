using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Readiness;
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

        group.MapPost("/management-reviews/{reviewId:guid}/actions/{number:int}/done", async (Guid reviewId, int number, ReviewActionDoneInput input, CompleteReviewActionHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(reviewId, number, input, ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Mark action {number} (1-based) of a review done: the date (default today, not before the review) and what was done; an action is marked done once.");

        group.MapGet("/management-reviews/{reviewId:guid}/minutes/{format}", async (Guid reviewId, string format, ExportReviewMinutesHandler handler, CancellationToken ct) =>
                Downloads.File(await handler.HandleAsync(reviewId, format, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The minutes of a review as docx, pdf, md or html: inputs as assembled, decisions, actions and their state.");

        group.MapGet("/audit-pack.zip", async (BuildAuditPackHandler handler, CancellationToken ct) =>
            {
                var pack = await handler.HandleAsync(ct);
                return Results.File(pack.Content, pack.ContentType, pack.FileName);
            })
            .RequirePermission(Permission.ReadAuditTrail)
            .WithSummary("The audit pack for the certification body: SoAs, published documents, risk treatment plan, impact assessments, audit reports, review minutes, evidence index, audit-trail extract, signed manifest.");

        group.MapGet("/audit-pack/key", async (AuditPackSigningKey key, CancellationToken ct) =>
            {
                var (publicKey, fingerprint) = await key.PublicAsync(ct);
                return TypedResults.Ok(new { fingerprint, publicKey = Convert.ToBase64String(publicKey) });
            })
            .RequirePermission(Permission.Read)
            .WithSummary("The organization's pack-signing public key and its fingerprint, to give the certification body.");
    }
}
