using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>The engagement an accepted auditor's invitation belongs to, so the auditor lands in its workspace and not on pages the role cannot open.</summary>
public sealed record AuditorLanding(Guid EngagementId, bool OpenToday, DateOnly StartsOn);

public sealed class FindAuditorWorkspaceHandler(HarmoniaDbContext db, TenantScope tenant, EngagementAccess access)
{
    public async Task<AuditorLanding?> HandleAsync(Guid organizationId, Guid invitationId, CancellationToken cancellationToken = default)
    {
        tenant.Enter(organizationId);
        var engagement = await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.InvitationId == invitationId, cancellationToken);
        return engagement is null ? null : new AuditorLanding(engagement.Id, EngagementAccess.IsOpenOn(engagement, access.Today), engagement.StartsOn);
    }
}
