using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Suppliers;

namespace Harmonia.App.Features.Suppliers;

/// <summary>Adds a review to a supplier's record; reviews are never edited, a later review supersedes an earlier one.</summary>
public sealed class RecordSupplierReviewHandler(HarmoniaDbContext db, SaveSupplierHandler save, SupplierRegister register, AuditActor actor)
{
    /// <summary>Throws NotFoundException when the organization has no such supplier.</summary>
    public async Task<SupplierDto> HandleAsync(Guid supplierId, SupplierReviewInput input, CancellationToken cancellationToken = default)
    {
        var supplier = await save.LoadAsync(supplierId, cancellationToken);
        var review = Validate(input, register.Today, actor.Name);
        supplier.ReviewsJson = SupplierJson.Write(SupplierJson.Read<SupplierReview>(supplier.ReviewsJson).Append(review).OrderBy(r => r.On).ToArray());
        supplier.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await register.OneAsync(supplier.Id, cancellationToken);
    }

    internal static SupplierReview Validate(SupplierReviewInput input, DateOnly today, string? defaultReviewer)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input.On is not { } on || on > today)
        {
            errors["on"] = ["The date of the review (YYYY-MM-DD) is required and not in the future."];
        }

        var reviewer = string.IsNullOrWhiteSpace(input.Reviewer) ? defaultReviewer : input.Reviewer.Trim();
        if (string.IsNullOrWhiteSpace(reviewer) || reviewer.Length > 200)
        {
            errors["reviewer"] = ["Name the reviewer (up to 200 characters)."];
        }

        var outcome = SupplierVocabulary.Outcome(input.Outcome);
        if (outcome is null)
        {
            errors["outcome"] = ["outcome is one of: satisfactory, conditional, unsatisfactory."];
        }

        if (input.Notes is { Length: > 4000 })
        {
            errors["notes"] = ["notes may have 4000 characters."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new SupplierReview(input.On!.Value, reviewer!, outcome!.Value, string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim());
    }
}
