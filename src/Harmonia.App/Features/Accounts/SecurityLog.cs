using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Accounts;

/// <summary>The names of the security events, as stored and as the API returns them.</summary>
public static class SecurityEventKinds
{
    public const string SignInSucceeded = "sign-in-succeeded";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInRefused = "sign-in-refused-disabled";
    public const string LockedOut = "locked-out";
    public const string SignedOut = "signed-out";
    public const string TwoFactorOn = "two-factor-on";
    public const string TwoFactorOff = "two-factor-off";
    public const string RecoveryCodesGenerated = "recovery-codes-generated";
    public const string RecoveryCodeUsed = "recovery-code-used";
    public const string PassphraseChanged = "passphrase-changed";
    public const string PassphraseReset = "passphrase-reset";
    public const string ResetLinkIssued = "reset-link-issued";
    public const string PassphraseConfirmed = "passphrase-confirmed";
    public const string TokenCreated = "token-created";
    public const string TokenUsedFromNewAddress = "token-used-from-new-address";
    public const string RoleChanged = "role-changed";
    public const string Disabled = "account-disabled";
    public const string Enabled = "account-enabled";
    public const string AccountCreated = "account-created";

    /// <summary>Someone tried to sign up with the address of this existing account (where e-mail exists, the holder would be told).</summary>
    public const string SignUpForExistingAccount = "sign-up-for-existing-account";
    public const string InvitationSent = "invitation-sent";
    public const string InvitationRevoked = "invitation-revoked";
    public const string InvitationAccepted = "invitation-accepted";
    public const string InvitationDeclined = "invitation-declined";

    /// <summary>Single sign-on (ADR 0034): an account made at its first sign-in through a provider.</summary>
    public const string AccountCreatedBySignIn = "account-created-by-sign-in";

    /// <summary>An existing account linked to a provider, on the provider's verified address.</summary>
    public const string SignInLinked = "sign-in-linked";
    public const string RoleGrantedByMapping = "role-granted-by-mapping";
    public const string RoleRemovedByMapping = "role-removed-by-mapping";
    public const string LocalPasswordsOff = "local-passwords-off";
    public const string LocalPasswordsOn = "local-passwords-on";

    /// <summary>An Owner signed in with a passphrase while their organization has local passphrases off.</summary>
    public const string BreakGlassSignIn = "break-glass-sign-in";

    /// <summary>A provider vouched for someone the rules refused (unverified address, domain not allowed, disabled).</summary>
    public const string SignInRefusedByRules = "sign-in-refused-by-rules";
}

/// <summary>
/// Appends to an account's security log. <see cref="Add"/> only stages the entry, so it commits with the change it
/// describes; an event that concerns an organization is also staged as an organization-scoped row, which puts it in
/// that organization's audit trail.
/// </summary>
public sealed class SecurityLog(HarmoniaDbContext db, TimeProvider time)
{
    public void Add(Guid userId, string kind, string? detail = null, string? address = null, Guid? organizationId = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.AccountSecurityEvents.Add(new AccountSecurityEvent
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            OccurredUtc = now,
            Kind = kind,
            Detail = detail is { Length: > 300 } ? detail[..300] : detail,
            Address = address is { Length: > 64 } ? address[..64] : address,
            ConcernsOrganizationId = organizationId,
        });
        if (organizationId is { } organization)
        {
            db.OrganizationSecurityEvents.Add(new OrganizationSecurityEvent { OrganizationId = organization, UserId = userId, OccurredUtc = now, Kind = kind });
        }
    }

    /// <summary>Stages and saves an event that has no other change to ride with (a sign-in, a failure).</summary>
    public async Task RecordAsync(Guid userId, string kind, string? detail = null, string? address = null, CancellationToken cancellationToken = default)
    {
        Add(userId, kind, detail, address);
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record SecurityEventView(DateTime OccurredUtc, string Kind, string? Detail, string? Address, Guid? ConcernsOrganizationId);

/// <summary>The account holder's own security log, newest first.</summary>
public sealed class ListSecurityEventsHandler(HarmoniaDbContext db)
{
    public async Task<Page<SecurityEventView>> HandleAsync(Guid userId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = db.AccountSecurityEvents.AsNoTracking().Where(e => e.UserId == userId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(e => new SecurityEventView(e.OccurredUtc, e.Kind, e.Detail, e.Address, e.ConcernsOrganizationId))
            .ToListAsync(cancellationToken);
        return new Page<SecurityEventView>(items, page.PageNumber, page.PageSize, total);
    }
}
