using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Accounts;

/// <param name="OwnerOfOrganization">
/// The organization whose Owner asks; null for the instance administrator (the CLI, with the database at hand).
/// </param>
/// <param name="ActingUserId">Who asks, so an Owner cannot disable their own account.</param>
public sealed record SetAccountDisabledRequest(Guid UserId, bool Disabled, Guid? OwnerOfOrganization = null, Guid? ActingUserId = null);

/// <summary>
/// Disables or re-enables an account (ADR 0015). Disabling revokes every token of the account and changes its
/// security stamp, so every cookie session and token stops on its next request; re-enabling brings none of them back:
/// the person signs in again and creates new tokens. An Owner may do it only for a member of their organization who
/// belongs to no other organization; anything else is for the instance administrator.
/// </summary>
public sealed class SetAccountDisabledHandler(HarmoniaDbContext db, TenantScope tenant, TimeProvider time, SecurityLog log)
{
    public async Task<HarmoniaUser> HandleAsync(SetAccountDisabledRequest request, CancellationToken cancellationToken = default)
    {
        var user = await AccountScope.RequireOwnedAccountAsync(db, tenant, request.UserId, request.OwnerOfOrganization, request.ActingUserId, "disable or re-enable", cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (request.Disabled)
        {
            if (user.DisabledUtc is not null)
            {
                return user;
            }

            user.DisabledUtc = now;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            var tokens = request.OwnerOfOrganization is null ? db.AccessTokens.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]) : db.AccessTokens;
            foreach (var token in await tokens.Where(t => t.UserId == user.Id && t.RevokedUtc == null).ToListAsync(cancellationToken))
            {
                token.RevokedUtc = now;
            }

            log.Add(user.Id, SecurityEventKinds.Disabled, request.OwnerOfOrganization is null ? "by the instance administrator" : "by an owner of the organization", organizationId: request.OwnerOfOrganization);
        }
        else
        {
            if (user.DisabledUtc is null)
            {
                return user;
            }

            user.DisabledUtc = null;
            log.Add(user.Id, SecurityEventKinds.Enabled, request.OwnerOfOrganization is null ? "by the instance administrator" : "by an owner of the organization", organizationId: request.OwnerOfOrganization);
        }

        await db.SaveChangesAsync(cancellationToken);
        return user;
    }
}

/// <summary>Which accounts an Owner may act on as a whole (disable, issue a reset link): one rule for both.</summary>
internal static class AccountScope
{
    public static async Task<HarmoniaUser> RequireOwnedAccountAsync(
        HarmoniaDbContext db, TenantScope tenant, Guid userId, Guid? organizationId, Guid? actingUserId, string what, CancellationToken cancellationToken)
    {
        if (organizationId is { } organization)
        {
            tenant.Enter(organization);
            if (!await db.Memberships.AnyAsync(m => m.UserId == userId, cancellationToken))
            {
                throw new NotFoundException("member", userId);
            }

            if (actingUserId == userId)
            {
                throw new InvalidInputException($"You cannot {what} your own account here.");
            }

            if (await db.Memberships.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).AnyAsync(m => m.UserId == userId && m.OrganizationId != organization, cancellationToken))
            {
                throw new InvalidInputException($"This account also belongs to another organization, so only the instance administrator can {what} it (harmonia admin).");
            }
        }

        return await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new NotFoundException("account", userId, $"No account {userId}.");
    }
}
