using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Reviews;

/// <summary>
/// Marks one action of a management review done, with the date and what was done, so the next review's inputs show
/// how far the previous decisions got (9.3.2 a of both standards).
/// </summary>
public sealed class CompleteReviewActionHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such review.</summary>
    public async Task<ManagementReviewDto> HandleAsync(Guid reviewId, int number, ReviewActionDoneInput input, CancellationToken cancellationToken = default)
    {
        var review = await db.ManagementReviews.SingleOrDefaultAsync(m => m.Id == reviewId, cancellationToken);
        if (review is null)
        {
            throw new NotFoundException("management review");
        }

        var actions = ReviewJson.Actions(review.ActionsJson).ToArray();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var doneOn = input.DoneOn ?? today;
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (number < 1 || number > actions.Length)
        {
            errors["number"] = [$"The review of {review.HeldOn:yyyy-MM-dd} has {actions.Length} actions; there is no action {number}."];
        }
        else if (actions[number - 1].DoneOn is { } already)
        {
            errors["number"] = [$"Action {number} was already marked done on {already:yyyy-MM-dd}."];
        }

        if (doneOn > today || doneOn < review.HeldOn)
        {
            errors["doneOn"] = [$"The date it was done lies between the review ({review.HeldOn:yyyy-MM-dd}) and today."];
        }

        if (note is { Length: > 1000 })
        {
            errors["note"] = ["Say what was done in at most 1000 characters."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        actions[number - 1] = actions[number - 1] with { DoneOn = doneOn, DoneNote = note, DoneBy = actor.Name };
        review.ActionsJson = ReviewJson.Write(actions);

        // The actions column is the concurrency token: two people closing different actions at once must not undo each other.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new InvalidInputException($"The review of {review.HeldOn:yyyy-MM-dd} was changed by someone else at the same moment; reload it and mark the action done again.");
        }

        return ListManagementReviewsHandler.ToDto(review);
    }
}
