using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Risks;

/// <param name="TopManagement">The caller speaks for top management (the organization's Owner role).</param>
public sealed record AcceptRiskRequest(Guid RiskId, DateOnly ExpiresOn, bool TopManagement);

/// <summary>
/// Accepts a risk's residual level until a date. The approver is never the risk's owner; a level above what the
/// methodology lets owners' approvers accept needs top management; an acceptance cannot be open-ended.
/// </summary>
public sealed class AcceptRiskHandler(HarmoniaDbContext db, GetRiskMethodologyHandler methodology, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such risk.</summary>
    public async Task<RiskDto> HandleAsync(AcceptRiskRequest request, CancellationToken cancellationToken = default)
    {
        var risk = await db.Risks.Include(r => r.ControlLinks).Include(r => r.AiSystemLinks).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == request.RiskId, cancellationToken);
        if (risk is null)
        {
            throw new NotFoundException("risk");
        }

        var scale = (await methodology.HandleAsync(cancellationToken)).Methodology;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (request.ExpiresOn <= today || request.ExpiresOn > today.AddYears(3))
        {
            throw new InvalidInputException("An acceptance expires after today and within three years.");
        }

        // The actor is "user:<email> ..." (or a CLI user); an owner named by e-mail or by the same words cannot accept.
        var approver = actor.Name.StartsWith("user:", StringComparison.Ordinal) ? actor.Name[5..].Split(' ')[0] : actor.Name;
        if (risk.Owner is { Length: > 0 } owner && (owner.Contains(approver, StringComparison.OrdinalIgnoreCase) || approver.Contains(owner, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidInputException("The risk's owner cannot accept it; another member must.");
        }

        var level = scale.LevelOf(Math.Clamp(risk.ResidualLikelihood, 1, scale.Size), Math.Clamp(risk.ResidualImpact, 1, scale.Size));
        if (!scale.OwnerMayAcceptLevel(level) && !request.TopManagement)
        {
            throw new InvalidInputException($"A {level.Name} residual risk is above what the methodology lets managers accept ({scale.OwnerMayAccept}); top management (an Owner) must accept it.");
        }

        (risk.AcceptedBy, risk.AcceptedUtc, risk.AcceptanceExpiresOn) = (actor.Name, time.GetUtcNow().UtcDateTime, request.ExpiresOn);
        risk.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return RiskDto.From(risk, scale, await db.AiSystemKeysAsync(cancellationToken), await db.ControlKeysAsync(cancellationToken));
    }
}
