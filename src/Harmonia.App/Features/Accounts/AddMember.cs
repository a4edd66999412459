using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Accounts;

public sealed record AddMemberRequest(Guid OrganizationId, string Email, OrganizationRole Role, string? Address = null);

/// <summary>
/// The instance administrator's direct path (<c>harmonia org add-member</c>, seeding, tests): gives an existing account a
/// role at once, without an invitation, or changes the role it has. Nothing on the web reaches it: there, adding someone
/// is an invitation the invitee accepts (<see cref="InviteMemberHandler"/>, ADR 0016).
/// </summary>
public sealed class AddMemberHandler(HarmoniaDbContext db, TenantScope tenant, SecurityLog log)
{
    public async Task<Membership> HandleAsync(AddMemberRequest request, CancellationToken cancellationToken = default)
    {
        tenant.Enter(request.OrganizationId);
        var email = request.Email.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email, cancellationToken)
            ?? throw new InvalidInputException($"No account uses the e-mail address '{request.Email}'. Create it first (harmonia admin create).");
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == user.Id, cancellationToken);
        if (membership is null)
        {
            membership = new Membership { UserId = user.Id, Role = request.Role };
            db.Memberships.Add(membership);
            log.Add(user.Id, SecurityEventKinds.RoleChanged, $"added as {request.Role}", request.Address, request.OrganizationId);
        }
        else
        {
            await MemberRoles.ChangeAsync(db, log, membership, request.Role, request.Address, request.OrganizationId, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return membership;
    }
}

/// <summary>Changing the role of someone who is already a member: the last owner keeps the role; the change is logged.</summary>
internal static class MemberRoles
{
    public static async Task ChangeAsync(HarmoniaDbContext db, SecurityLog log, Membership membership, OrganizationRole role, string? address, Guid organizationId, CancellationToken cancellationToken)
    {
        if (role != OrganizationRole.Owner)
        {
            await LastOwner.EnsureAnotherRemainsAsync(db, membership, cancellationToken);
        }

        if (membership.Role != role)
        {
            log.Add(membership.UserId, SecurityEventKinds.RoleChanged, $"{membership.Role} to {role}", address, organizationId);
        }

        membership.Role = role;
    }
}
