using Harmonia.App.Common;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Risks;

/// <param name="HeldOn">The day the review took place (not in the future).</param>
/// <param name="NextReviewOn">When the risk is to be reviewed again; after the review, and within three years of it.</param>
public sealed record RiskReviewInput(DateOnly? HeldOn, DateOnly? NextReviewOn);

/// <summary>
/// Records that a risk was reviewed: the day, who, and the next review date, which closes the review on everyone's
/// due work. The rating and plan are changed on the risk itself; a review that changes nothing is still a review.
/// </summary>
public sealed class RecordRiskReviewHandler(HarmoniaDbContext db, GetRiskMethodologyHandler methodology, AuditActor actor, TimeProvider time)
{
    public async Task<RiskDto> HandleAsync(Guid riskId, RiskReviewInput input, CancellationToken cancellationToken = default)
    {
        var risk = await RiskOwnerRule.LoadAsync(db, riskId, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string[]>();
        if (input.HeldOn is not { } held)
        {
            errors["heldOn"] = ["Give the day the review was held."];
        }
        else if (held > today)
        {
            errors["heldOn"] = [$"{held:yyyy-MM-dd} is still ahead: record a review once it has been held."];
        }

        if (input.NextReviewOn is not { } next)
        {
            errors["nextReviewOn"] = ["Give the date of the next review."];
        }
        else if (input.HeldOn is { } on && (next <= on || next > on.AddYears(3)))
        {
            errors["nextReviewOn"] = ["The next review comes after this one and within three years of it."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        (risk.ReviewedOn, risk.ReviewedBy, risk.ReviewOn) = (input.HeldOn, actor.Name, input.NextReviewOn);
        risk.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await RiskOwnerRule.DtoAsync(db, risk, (await methodology.HandleAsync(cancellationToken)).Methodology, cancellationToken);
    }
}
