using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Work;

/// <summary>
/// A calendar subscription address (ICS) of one person or of the whole organization. The secret in the address is
/// kept only as its SHA-256 hash; revoking sets <see cref="RevokedUtc"/> and the address stops answering.
/// </summary>
public sealed class CalendarFeedRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The person whose work the feed carries; null for the organization's feed (everything due).</summary>
    public Guid? UserId { get; set; }

    /// <summary>The first characters of the token, to recognise the address in lists (never enough to use it).</summary>
    public required string Prefix { get; set; }

    public required string TokenHash { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public string? RevokedBy { get; set; }
}
