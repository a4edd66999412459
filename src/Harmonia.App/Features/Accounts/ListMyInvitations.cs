using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Accounts;

/// <summary>
/// The pending invitations addressed to the signed-in account's e-mail, whatever organization sent them: read across
/// organizations because the invitee belongs to none of them yet.
/// </summary>
public sealed class ListMyInvitationsHandler(HarmoniaDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<InvitationDto>> HandleAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var email = await db.Users.Where(u => u.Id == userId && u.DisabledUtc == null).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.MemberInvitations.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).AsNoTracking()
            .Where(i => i.NormalizedEmail == email && i.Status == InvitationStatus.Pending && i.ExpiresUtc > now)
            .OrderByDescending(i => i.CreatedUtc)
            .Take(100)
            .Select(i => new
            {
                Invitation = i,
                Organization = db.Organizations.Where(o => o.Id == i.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? string.Empty,
                InvitedBy = db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.Email).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => Invitations.View(r.Invitation, r.Organization, r.InvitedBy, now)).ToArray();
    }
}
