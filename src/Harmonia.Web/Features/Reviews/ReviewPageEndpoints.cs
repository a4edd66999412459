using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Readiness;
using Harmonia.App.Features.Reviews;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Reviews;

/// <summary>The management review page's form post (cookie sign-in, antiforgery checked).</summary>
internal static class ReviewPageEndpoints
{
    public static void MapReviewPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/management-reviews/record", (Guid orgId, HttpRequest request, HoldManagementReviewHandler hold, CancellationToken ct) =>
                PageForms.Outcome(Links.ManagementReviews(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var actions = Enumerable.Range(0, 3)
                        .Select(n => new ReviewActionInput(FormValues.Text(form, $"action{n}.description"), FormValues.Text(form, $"action{n}.owner"), FormValues.Date(form, $"action{n}.due")))
                        .Where(a => a.Description is not null || a.Owner is not null || a.Due is not null)
                        .ToArray();
                    var review = await hold.HandleAsync(new ManagementReviewInput(FormValues.Date(form, "heldOn"), FormValues.Keys(FormValues.Text(form, "attendees")), FormValues.Text(form, "decisions"), actions,
                        form["topManagement"].Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).ToArray()), ct);
                    return $"{Links.ManagementReviews(orgId)}?saved={Uri.EscapeDataString($"the review of {review.HeldOn:yyyy-MM-dd}")}";
                }))
            .RequirePagePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/management-reviews/{reviewId:guid}/actions/{number:int}/done", (Guid orgId, Guid reviewId, int number, HttpRequest request, CompleteReviewActionHandler complete, CancellationToken ct) =>
                PageForms.Outcome(Links.ManagementReviews(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var review = await complete.HandleAsync(reviewId, number, new ReviewActionDoneInput(FormValues.Date(form, "doneOn"), FormValues.Text(form, "note")), ct);
                    return $"{Links.ManagementReviews(orgId)}?saved={Uri.EscapeDataString($"that action {number} of the review of {review.HeldOn:yyyy-MM-dd} is done")}#open-actions";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapGet("/orgs/{orgId:guid}/management-reviews/{reviewId:guid}/minutes/{format}", async (Guid reviewId, string format, ExportReviewMinutesHandler export, CancellationToken ct) =>
                Downloads.File(await export.HandleAsync(reviewId, format, ct)))
            .RequirePagePermission(Permission.Read);

        app.MapGet("/orgs/{orgId:guid}/audit-pack.zip", async (BuildAuditPackHandler build, CancellationToken ct) =>
            {
                var pack = await build.HandleAsync(ct);
                return Results.File(pack.Content, pack.ContentType, pack.FileName);
            })
            .RequirePagePermission(Permission.ReadAuditTrail);
    }
}
