using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Accounts;

public sealed record AddMemberRequest(Guid OrganizationId, string Email, OrganizationRole Role, string? Address = null);

/// <summary>Gives an existing account a role in the organization, or changes the role it has.</summary>
public sealed class AddMemberHandler(HarmoniaDbContext db, TenantScope tenant, SecurityLog log)
{
    public async Task<Membership> HandleAsync(AddMemberRequest request, CancellationToken cancellationToken = default)
    {
        tenant.Enter(request.OrganizationId);
        var email = request.Email.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email, cancellationToken)
            ?? throw new InvalidInputException($"No account uses the e-mail address '{request.Email}'. Ask the person to sign up first.");
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == user.Id, cancellationToken);
        if (membership is null)
        {
            membership = new Membership { UserId = user.Id, Role = request.Role };
            db.Memberships.Add(membership);
            log.Add(user.Id, SecurityEventKinds.RoleChanged, $"added as {request.Role}", request.Address, request.OrganizationId);
        }
        else
        {
            if (request.Role != OrganizationRole.Owner)
            {
                await LastOwner.EnsureAnotherRemainsAsync(db, membership, cancellationToken);
            }

            if (membership.Role != request.Role)
            {
                log.Add(user.Id, SecurityEventKinds.RoleChanged, $"{membership.Role} to {request.Role}", request.Address, request.OrganizationId);
            }

            membership.Role = request.Role;
        }

        await db.SaveChangesAsync(cancellationToken);
        return membership;
    }
}
