using Harmonia.App.Common;
using Harmonia.App.Features.Readiness;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// The signed audit pack (ADR 0009) for the external auditor, limited to the engagement's scope: the SoAs of its
/// standards, published documents, risk treatment plan, impact assessments (42001 only), audit reports and review
/// minutes of its period, the evidence index of its controls and period, and the audit-trail extract of its period.
/// The download is recorded against the engagement first, so the trail shows what the auditor took away.
/// </summary>
public sealed class DownloadEngagementAuditPackHandler(HarmoniaDbContext db, EngagementAccess access, TimeProvider time, BuildAuditPackHandler pack)
{
    public async Task<GeneratedFile> HandleAsync(Guid engagementId, Guid auditorUserId, CancellationToken cancellationToken = default)
    {
        var engagement = await access.AuditorsAsync(engagementId, auditorUserId, cancellationToken);
        db.EngagementAccesses.Add(new EngagementAccessRecord { EngagementId = engagement.Id, What = "audit pack", AtUtc = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return await pack.HandleAsync(ScopeOf(engagement), cancellationToken);
    }

    public static AuditPackScope ScopeOf(EngagementRecord engagement) => new(
        engagement.Title,
        engagement.Standards.Split(',', StringSplitOptions.RemoveEmptyEntries),
        engagement.RequirementIds.Split(',', StringSplitOptions.RemoveEmptyEntries),
        engagement.PeriodFrom,
        engagement.PeriodTo);
}
