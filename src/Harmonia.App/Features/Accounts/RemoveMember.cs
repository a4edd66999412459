using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Accounts;

public sealed record RemoveMemberRequest(Guid OrganizationId, Guid UserId);

/// <summary>
/// Takes a person out of the organization. Their access tokens for it are revoked in the same save, so adding
/// them again later does not bring an old token back to life. The last owner cannot be removed: an organization
/// must always have someone who can manage it.
/// </summary>
public sealed class RemoveMemberHandler(HarmoniaDbContext db, TenantScope tenant, TimeProvider time)
{
    public async Task HandleAsync(RemoveMemberRequest request, CancellationToken cancellationToken = default)
    {
        tenant.Enter(request.OrganizationId);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == request.UserId, cancellationToken)
            ?? throw new NotFoundException("member", request.UserId);
        await LastOwner.EnsureAnotherRemainsAsync(db, membership, cancellationToken);

        db.Memberships.Remove(membership);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var token in await db.AccessTokens.Where(t => t.UserId == request.UserId && t.RevokedUtc == null).ToListAsync(cancellationToken))
        {
            token.RevokedUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The rule that an organization keeps at least one owner, for removal and for a change of role.</summary>
internal static class LastOwner
{
    public static async Task EnsureAnotherRemainsAsync(HarmoniaDbContext db, Membership leaving, CancellationToken cancellationToken)
    {
        if (leaving.Role == OrganizationRole.Owner
            && !await db.Memberships.AnyAsync(m => m.Role == OrganizationRole.Owner && m.UserId != leaving.UserId, cancellationToken))
        {
            throw new InvalidInputException("This is the organization's last owner. Make another member an owner first, so someone can still manage the organization.");
        }
    }
}
