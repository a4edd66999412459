using Harmonia.App.Common;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Risks;

/// <summary>
/// A top-management member approves accepting a residual risk above the methodology's limit; the risk owner then
/// accepts it. The member must not be the risk's assessor: the one who rated a risk never alone decides that its
/// rating is tolerable (ADR 0011).
/// </summary>
public sealed class ApproveRiskAboveLimitHandler(HarmoniaDbContext db, GetRiskMethodologyHandler methodology, SignedInPerson person, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such risk.</summary>
    public async Task<RiskDto> HandleAsync(Guid riskId, CancellationToken cancellationToken = default)
    {
        var risk = await RiskOwnerRule.LoadAsync(db, riskId, cancellationToken);
        var scale = (await methodology.HandleAsync(cancellationToken)).Methodology;
        if (await person.TopManagementAsync(cancellationToken) is not { } member)
        {
            throw new InvalidInputException("Only a member of top management approves accepting a risk above the limit; your account is not linked to anyone named as top management (organization settings).");
        }

        if (!RiskDto.AboveLimit(risk, scale))
        {
            throw new InvalidInputException($"{risk.Key}'s residual risk is within what the methodology lets its owner accept ({scale.OwnerMayAccept}); the owner accepts it without top management.");
        }

        if (actor.Is(risk.AssessedBy))
        {
            throw new InvalidInputException($"You assessed {risk.Key}; another top-management member must approve accepting it, so its assessor does not decide alone that the rating is tolerable.");
        }

        (risk.TopManagementApprovedBy, risk.TopManagementApprovedUtc) = ($"{member.Name} ({member.Position})", time.GetUtcNow().UtcDateTime);
        risk.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await RiskOwnerRule.DtoAsync(db, risk, scale, cancellationToken);
    }
}
