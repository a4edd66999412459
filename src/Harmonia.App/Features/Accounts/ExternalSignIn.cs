using Harmonia.App.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Accounts;

/// <summary>What a single sign-on provider asserted about the person, after the token was validated (ADR 0034).</summary>
public sealed record ExternalIdentity(string Provider, string Subject, string? Email, bool EmailVerified, string? DisplayName);

/// <summary>Why a provider's sign-in was refused although the provider vouched for the person.</summary>
public enum ExternalSignInRefusal
{
    /// <summary>No e-mail address, or one the provider does not say it verified.</summary>
    NoVerifiedEmail = 1,

    /// <summary>The address is outside the domains this provider may sign in.</summary>
    DomainNotAllowed = 2,

    /// <summary>The account exists and is disabled.</summary>
    AccountDisabled = 3,
}

/// <summary>The account a provider's sign-in opens, and whether it was just created or just linked.</summary>
public sealed record ExternalAccount(Guid UserId, string Email, bool Created, bool Linked);

public sealed record ExternalAccountResult(ExternalAccount? Account, ExternalSignInRefusal? Refusal);

/// <summary>
/// Finds the account for a provider's sign-in: by the provider's subject when linked before; otherwise the local account
/// with the same address (linked now); otherwise a new account (just in time). Only a verified address inside the
/// provider's allowed domains gets any of these; every other answer creates and changes nothing (ADR 0034).
/// </summary>
public sealed class ExternalAccountHandler(HarmoniaDbContext db, ILookupNormalizer normalizer, SecurityLog log, TimeProvider time)
{
    public async Task<ExternalAccountResult> HandleAsync(ExternalIdentity identity, IReadOnlyCollection<string> allowedDomains, string? address, CancellationToken cancellationToken = default)
    {
        var email = identity.Email?.Trim();
        if (!identity.EmailVerified || email is null || !IsAddress(email))
        {
            return new ExternalAccountResult(null, ExternalSignInRefusal.NoVerifiedEmail);
        }

        if (!DomainAllowed(email, allowedDomains))
        {
            return new ExternalAccountResult(null, ExternalSignInRefusal.DomainNotAllowed);
        }

        try
        {
            return await FindLinkOrCreateAsync(identity, email, address, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first sign-ins of the same person at once (two tabs, a double click): both found nothing, and the
            // unique user name or login refused the second's account or link. The other request's is there now; forget
            // this attempt and use it. A second failure is no race and surfaces.
            db.ChangeTracker.Clear();
            return await FindLinkOrCreateAsync(identity, email, address, cancellationToken);
        }
    }

    private async Task<ExternalAccountResult> FindLinkOrCreateAsync(ExternalIdentity identity, string email, string? address, CancellationToken cancellationToken)
    {
        var linkedUser = await db.UserLogins
            .Where(l => l.LoginProvider == identity.Provider && l.ProviderKey == identity.Subject)
            .Select(l => l.UserId)
            .SingleOrDefaultAsync(cancellationToken);
        HarmoniaUser? user = linkedUser == Guid.Empty ? null : await db.Users.SingleAsync(u => u.Id == linkedUser, cancellationToken);
        var created = false;
        var linked = false;
        if (user is null)
        {
            var normalized = normalizer.NormalizeEmail(email);
            user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
            if (user is null)
            {
                user = new HarmoniaUser
                {
                    Id = Guid.CreateVersion7(),
                    UserName = email,
                    NormalizedUserName = normalizer.NormalizeName(email),
                    Email = email,
                    NormalizedEmail = normalized,

                    // The provider verified it; the account has no passphrase, so it signs in only through the provider.
                    EmailConfirmed = true,
                    DisplayName = identity.DisplayName is { Length: > 0 and <= 200 } name ? name : null,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                    CreatedUtc = time.GetUtcNow().UtcDateTime,
                };
                db.Users.Add(user);
                log.Add(user.Id, SecurityEventKinds.AccountCreatedBySignIn, "through " + identity.Provider, address);
                created = true;
            }
            else if (user.DisabledUtc is not null)
            {
                return new ExternalAccountResult(null, ExternalSignInRefusal.AccountDisabled);
            }
            else
            {
                log.Add(user.Id, SecurityEventKinds.SignInLinked, "to " + identity.Provider + " (verified address)", address);
                linked = true;
            }

            db.UserLogins.Add(new IdentityUserLogin<Guid>
            {
                LoginProvider = identity.Provider,
                ProviderKey = identity.Subject,
                ProviderDisplayName = identity.Provider,
                UserId = user.Id,
            });
        }

        if (user.DisabledUtc is not null)
        {
            return new ExternalAccountResult(null, ExternalSignInRefusal.AccountDisabled);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ExternalAccountResult(new ExternalAccount(user.Id, user.Email ?? email, created, linked), null);
    }

    /// <summary>Whether the address's domain is one of <paramref name="allowedDomains"/> exactly (no subdomains); none allowed means none.</summary>
    public static bool DomainAllowed(string email, IReadOnlyCollection<string> allowedDomains)
    {
        var at = email.LastIndexOf('@');
        var domain = at < 0 ? string.Empty : email[(at + 1)..];
        return domain.Length > 0 && allowedDomains.Any(d => string.Equals(d.Trim().TrimStart('@'), domain, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsAddress(string email) =>
        email.Length <= 256 && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
}

/// <summary>One line of a provider's group mapping: members of <see cref="Group"/> get <see cref="Role"/> in the organization.</summary>
public sealed record GroupRoleMapping(Guid Organization, string Group, OrganizationRole Role);

public static class GroupRoles
{
    /// <summary>
    /// The role the person's groups give in one organization: the highest of the matching mappings, or none. Owner comes
    /// only from a mapping that says Owner; a role never comes from anything but a mapping (ADR 0034).
    /// </summary>
    public static OrganizationRole? For(Guid organization, IEnumerable<GroupRoleMapping> mappings, IReadOnlyCollection<string> groups) =>
        mappings.Where(m => m.Organization == organization && m.Role is >= OrganizationRole.Viewer and <= OrganizationRole.Owner && groups.Contains(m.Group, StringComparer.Ordinal))
            .Select(m => (OrganizationRole?)m.Role)
            .Max();
}

public sealed record MappedRoleRequest(Guid OrganizationId, Guid UserId, string Provider, OrganizationRole? Role, ExternalAccount Account, string? Address);

/// <summary>
/// Applies a provider's group mapping to one organization at a sign-in (run in its own scope per organization). A
/// membership the mapping made follows the groups: given, changed, or taken away when no group matches any more. A
/// membership given by hand (invitation, administrator) stays as it was given. The organization's audit trail gets the
/// membership change and, when the account was just created or linked, that too.
/// </summary>
public sealed class ApplyMappedRoleHandler(HarmoniaDbContext db, TenantScope tenant, SecurityLog log)
{
    public Task HandleAsync(MappedRoleRequest request, CancellationToken cancellationToken = default) => HandleAsync(request, retried: false, cancellationToken);

    private async Task HandleAsync(MappedRoleRequest request, bool retried, CancellationToken cancellationToken)
    {
        tenant.Enter(request.OrganizationId);
        if (!await db.Organizations.AnyAsync(o => o.Id == request.OrganizationId, cancellationToken))
        {
            return;
        }

        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == request.UserId, cancellationToken);
        if (request.Role is { } role)
        {
            if (membership is null)
            {
                membership = new Membership { UserId = request.UserId, Role = role, MappedBy = request.Provider };
                db.Memberships.Add(membership);
                log.Add(request.UserId, SecurityEventKinds.RoleGrantedByMapping, $"{role} through {request.Provider}", request.Address, request.OrganizationId);
            }
            else if (membership.MappedBy == request.Provider && membership.Role != role && await MayLeaveOwnerAsync(membership, role, cancellationToken))
            {
                log.Add(request.UserId, SecurityEventKinds.RoleGrantedByMapping, $"{membership.Role} to {role} through {request.Provider}", request.Address, request.OrganizationId);
                membership.Role = role;
            }
        }
        else if (membership is { } mapped && mapped.MappedBy == request.Provider && await MayLeaveOwnerAsync(mapped, null, cancellationToken))
        {
            db.Memberships.Remove(mapped);
            log.Add(request.UserId, SecurityEventKinds.RoleRemovedByMapping, $"{mapped.Role} through {request.Provider}: no mapped group any more", request.Address, request.OrganizationId);
            membership = null;
        }

        if (membership is not null && request.Account.Created)
        {
            log.Add(request.UserId, SecurityEventKinds.AccountCreatedBySignIn, "through " + request.Provider, request.Address, request.OrganizationId);
        }
        else if (membership is not null && request.Account.Linked)
        {
            log.Add(request.UserId, SecurityEventKinds.SignInLinked, "to " + request.Provider, request.Address, request.OrganizationId);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!retried)
        {
            // Two sign-ins of the same person at once both added the membership; the unique index kept the first.
            // Forget this attempt and apply the mapping again to what is there now.
            db.ChangeTracker.Clear();
            await HandleAsync(request, retried: true, cancellationToken);
        }
    }

    // The organization's last owner keeps the role, whatever the groups say, so someone can still manage it.
    private async Task<bool> MayLeaveOwnerAsync(Membership membership, OrganizationRole? next, CancellationToken cancellationToken) =>
        membership.Role != OrganizationRole.Owner || next == OrganizationRole.Owner
        || await db.Memberships.AnyAsync(m => m.Role == OrganizationRole.Owner && m.UserId != membership.UserId, cancellationToken);
}

/// <summary>
/// Local passphrases on or off for an organization (ADR 0034). Off needs a configured provider; the Owners keep their
/// passphrase as break-glass, and each of their passphrase sign-ins is recorded in the organization's audit trail.
/// </summary>
public sealed class SetLocalPasswordsHandler(HarmoniaDbContext db, SecurityLog log)
{
    public Task<bool> AreOffAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        db.Organizations.Where(o => o.Id == organizationId).Select(o => o.LocalPasswordsOff).SingleAsync(cancellationToken);

    public async Task HandleAsync(Guid organizationId, bool allowed, Guid actingUser, string? address, CancellationToken cancellationToken = default)
    {
        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, cancellationToken);
        if (organization.LocalPasswordsOff == !allowed)
        {
            return;
        }

        organization.LocalPasswordsOff = !allowed;
        log.Add(actingUser, allowed ? SecurityEventKinds.LocalPasswordsOn : SecurityEventKinds.LocalPasswordsOff, null, address, organizationId);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Break-glass: an Owner signed in with a local passphrase where local passphrases are off (ADR 0034).</summary>
public sealed class BreakGlassHandler(HarmoniaDbContext db, ListMyOrganizationsHandler organizations)
{
    /// <summary>The organizations where this account is an Owner and local passphrases are off.</summary>
    public async Task<IReadOnlyList<Guid>> OrganizationsAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var owned = (await organizations.HandleAsync(userId, cancellationToken: cancellationToken))
            .Where(o => o.Role == nameof(OrganizationRole.Owner))
            .Select(o => o.Id)
            .ToList();
        return owned.Count == 0 ? [] : await db.Organizations.Where(o => owned.Contains(o.Id) && o.LocalPasswordsOff).Select(o => o.Id).ToListAsync(cancellationToken);
    }
}

/// <summary>Records one break-glass sign-in in one organization's audit trail (its own scope per organization).</summary>
public sealed class RecordBreakGlassHandler(TenantScope tenant, SecurityLog log, HarmoniaDbContext db)
{
    public async Task HandleAsync(Guid organizationId, Guid userId, string? address, CancellationToken cancellationToken = default)
    {
        tenant.Enter(organizationId);
        log.Add(userId, SecurityEventKinds.BreakGlassSignIn, "signed in with a local passphrase while local passphrases are off", address, organizationId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
