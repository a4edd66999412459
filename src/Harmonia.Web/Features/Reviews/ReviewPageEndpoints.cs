using Harmonia.App.Accounts;
using Harmonia.App.Features.Reviews;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Reviews;

/// <summary>The management review page's form post (cookie sign-in, antiforgery checked).</summary>
internal static class ReviewPageEndpoints
{
    public static void MapReviewPageEndpoints(this WebApplication app) =>
        app.MapPost("/orgs/{orgId:guid}/management-reviews/record", (Guid orgId, HttpRequest request, HoldManagementReviewHandler hold, CancellationToken ct) =>
                PageForms.Outcome($"/orgs/{orgId}/management-reviews", async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var actions = Enumerable.Range(0, 3)
                        .Select(n => new ReviewActionInput(FormValues.Text(form, $"action{n}.description"), FormValues.Text(form, $"action{n}.owner"), FormValues.Date(form, $"action{n}.due")))
                        .Where(a => a.Description is not null || a.Owner is not null || a.Due is not null)
                        .ToArray();
                    var review = await hold.HandleAsync(new ManagementReviewInput(FormValues.Date(form, "heldOn"), FormValues.Keys(FormValues.Text(form, "attendees")), FormValues.Text(form, "decisions"), actions), ct);
                    return $"/orgs/{orgId}/management-reviews?saved={Uri.EscapeDataString($"the review of {review.HeldOn:yyyy-MM-dd}")}";
                }))
            .RequirePagePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
}
