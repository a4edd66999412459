using Harmonia.App.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Harmonia.App.Features.Accounts;

/// <summary>A person who signs in. Belongs to organizations through <see cref="Membership"/>.</summary>
public sealed class HarmoniaUser : IdentityUser<Guid>
{
    public string? DisplayName { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Set while the account is disabled: no sign-in, no session, no token works. Clearing it does not revive old sessions or tokens.</summary>
    public DateTime? DisabledUtc { get; set; }
}

/// <summary>Roles per organization, ordered: a higher value may do everything a lower one may.</summary>
public enum OrganizationRole
{
    Viewer = 1,

    /// <summary>Reads everything and records audit results; does not change the management system itself.</summary>
    Auditor = 2,
    Contributor = 3,
    Manager = 4,
    Owner = 5,

    /// <summary>
    /// A certification body's auditor, bound to engagements (ADR 0019): opens only the engagement workspace, and only
    /// while an engagement of theirs is open; every other organization route refuses.
    /// </summary>
    ExternalAuditor = 6,
}

public sealed class Membership : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public OrganizationRole Role { get; set; }

    /// <summary>
    /// The single sign-on provider whose group mapping gave this role (ADR 0034), or null for a membership given by hand
    /// (invitation, administrator). Only a mapped membership is taken away again when its groups no longer match.
    /// </summary>
    public string? MappedBy { get; set; }
}

/// <summary>
/// A personal access token for the API: scoped to one organization, stored only as a SHA-256 hash, with an
/// expiry and a revocation time. The plain token is shown once, when it is created.
/// </summary>
public sealed class PersonalAccessToken : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the token, to recognise it in lists (never enough to use it).</summary>
    public required string Prefix { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }
}

/// <summary>
/// One entry of an account's security log (sign-ins, lockouts, 2FA, passphrase, tokens, roles, disabling): what the
/// account holder sees under "Security activity". Belongs to the account, not to an organization.
/// </summary>
public sealed class AccountSecurityEvent
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTime OccurredUtc { get; set; }

    /// <summary>One of <see cref="SecurityEventKinds"/>.</summary>
    public required string Kind { get; set; }

    public string? Detail { get; set; }

    /// <summary>The client address the event came from, when there was a request.</summary>
    public string? Address { get; set; }

    /// <summary>
    /// The organization the event concerns (a role change, a reset link), if any. Not a tenant key: the log belongs to
    /// the account, and the holder sees it whatever organization they are in.
    /// </summary>
    public Guid? ConcernsOrganizationId { get; set; }
}

/// <summary>
/// The copy of a security event that concerns an organization (a member disabled or enabled, a reset link issued):
/// organization-scoped, so creating it appends to that organization's audit trail like any other change.
/// </summary>
public sealed class OrganizationSecurityEvent : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public DateTime OccurredUtc { get; set; }

    public required string Kind { get; set; }
}

/// <summary>
/// A single-use link an Owner issues so a member can set a new passphrase without e-mail. Only the SHA-256 hash of the
/// link's secret is stored; it expires and is spent by its first use.
/// </summary>
public sealed class PassphraseResetRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? UsedUtc { get; set; }
}
