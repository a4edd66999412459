using Harmonia.App.Common;
using Harmonia.App.Features.Readiness;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// The signed audit pack (ADR 0009) for the external auditor: SoAs, published documents, risk treatment plan, impact
/// assessments, audit and review records, evidence index and the audit-trail extract. The download is recorded
/// against the engagement first, so the trail shows what the auditor took away.
/// </summary>
public sealed class DownloadEngagementAuditPackHandler(HarmoniaDbContext db, EngagementAccess access, TimeProvider time, BuildAuditPackHandler pack)
{
    public async Task<GeneratedFile> HandleAsync(Guid engagementId, Guid auditorUserId, CancellationToken cancellationToken = default)
    {
        var engagement = await access.AuditorsAsync(engagementId, auditorUserId, cancellationToken);
        db.EngagementAccesses.Add(new EngagementAccessRecord { EngagementId = engagement.Id, What = "audit pack", AtUtc = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return await pack.HandleAsync(cancellationToken);
    }
}
