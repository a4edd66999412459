using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Risks;

/// <summary>
/// The risk owner approves the risk's treatment plan: the treatment, the controls and the residual rating aimed at
/// (27001 6.1.3 f). The approval is cleared when any of these or the owner change, so it always refers to the plan
/// as it stands.
/// </summary>
public sealed class ApproveRiskTreatmentHandler(HarmoniaDbContext db, GetRiskMethodologyHandler methodology, SignedInPerson person, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such risk.</summary>
    public async Task<RiskDto> HandleAsync(Guid riskId, CancellationToken cancellationToken = default)
    {
        var risk = await RiskOwnerRule.LoadAsync(db, riskId, cancellationToken);
        await RiskOwnerRule.RequireOwnerAsync(risk, person, "approves its treatment plan", cancellationToken);
        (risk.TreatmentApprovedBy, risk.TreatmentApprovedUtc) = (actor.Name, time.GetUtcNow().UtcDateTime);
        risk.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await RiskOwnerRule.DtoAsync(db, risk, (await methodology.HandleAsync(cancellationToken)).Methodology, cancellationToken);
    }
}
