using Harmonia.App.Common;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Risks;

public sealed record AcceptRiskRequest(Guid RiskId, DateOnly ExpiresOn);

/// <summary>
/// The risk owner accepts the residual risk until a date (27001 6.1.3 f). Above the methodology's acceptance limit
/// top management must have approved first, through a member who did not assess the risk, so the assessor never
/// accepts such a risk alone (ADR 0011). An acceptance cannot be open-ended.
/// </summary>
public sealed class AcceptRiskHandler(HarmoniaDbContext db, GetRiskMethodologyHandler methodology, SignedInPerson person, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such risk.</summary>
    public async Task<RiskDto> HandleAsync(AcceptRiskRequest request, CancellationToken cancellationToken = default)
    {
        var risk = await RiskOwnerRule.LoadAsync(db, request.RiskId, cancellationToken);
        var scale = (await methodology.HandleAsync(cancellationToken)).Methodology;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (request.ExpiresOn <= today || request.ExpiresOn > today.AddYears(3))
        {
            throw new InvalidInputException("An acceptance expires after today and within three years.");
        }

        await RiskOwnerRule.RequireOwnerAsync(risk, person, "accepts its residual risk", cancellationToken);
        var level = scale.LevelOf(Math.Clamp(risk.ResidualLikelihood, 1, scale.Size), Math.Clamp(risk.ResidualImpact, 1, scale.Size));
        if (RiskDto.AboveLimit(risk, scale) && risk.TopManagementApprovedBy is null)
        {
            throw new InvalidInputException(
                $"A {level.Name} residual risk is above what the methodology lets the risk owner accept alone ({scale.OwnerMayAccept}). " +
                "A top-management member who did not assess the risk must approve accepting it first; then the owner accepts.");
        }

        (risk.AcceptedBy, risk.AcceptedUtc, risk.AcceptanceExpiresOn) = (actor.Name, time.GetUtcNow().UtcDateTime, request.ExpiresOn);
        risk.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await RiskOwnerRule.DtoAsync(db, risk, scale, cancellationToken);
    }
}

/// <summary>What the owner-only use cases share: only the person linked as the risk owner acts for it.</summary>
internal static class RiskOwnerRule
{
    public static async Task<RiskRecord> LoadAsync(HarmoniaDbContext db, Guid riskId, CancellationToken cancellationToken) =>
        await db.Risks.Include(r => r.ControlLinks).Include(r => r.AiSystemLinks).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == riskId, cancellationToken)
        ?? throw new NotFoundException("risk");

    public static async Task RequireOwnerAsync(RiskRecord risk, SignedInPerson person, string what, CancellationToken cancellationToken)
    {
        if (risk.OwnerUserId is null)
        {
            throw new InvalidInputException($"Only the risk owner {what}, and no member account is linked as {risk.Key}'s owner: set the owner's account on the risk first.");
        }

        if (await person.UserIdAsync(cancellationToken) != risk.OwnerUserId)
        {
            throw new InvalidInputException($"Only the risk owner ({risk.Owner ?? "the linked member"}) {what}; you are not {risk.Key}'s owner.");
        }
    }

    public static async Task<RiskDto> DtoAsync(HarmoniaDbContext db, RiskRecord risk, Harmonia.Domain.Risks.RiskMethodology scale, CancellationToken cancellationToken) =>
        RiskDto.From(risk, scale, await db.AiSystemKeysAsync(cancellationToken), await db.ControlKeysAsync(cancellationToken), await db.MemberAccountsAsync(cancellationToken));
}
