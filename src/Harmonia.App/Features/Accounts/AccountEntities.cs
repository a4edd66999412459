using Harmonia.App.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Harmonia.App.Features.Accounts;

/// <summary>A person who signs in. Belongs to organizations through <see cref="Membership"/>.</summary>
public sealed class HarmoniaUser : IdentityUser<Guid>
{
    public string? DisplayName { get; set; }

    public DateTime CreatedUtc { get; set; }
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
}

public sealed class Membership : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public OrganizationRole Role { get; set; }
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
