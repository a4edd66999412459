using System.Buffers.Text;
using System.Security.Cryptography;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Accounts;

/// <summary>What became of an invitation. "Expired" is not stored: a pending invitation past its expiry reads as expired.</summary>
public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Revoked,
}

/// <summary>
/// An Owner's offer of a role to whoever holds an e-mail address. Nobody becomes a member until the invitee accepts,
/// signed in with an account for that address. Only the SHA-256 hash of the link's secret is stored. Organization-scoped,
/// so each step (sent, revoked, accepted, declined) lands in the organization's audit trail.
/// </summary>
public sealed class MemberInvitation : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The address as the Owner typed it.</summary>
    public required string Email { get; set; }

    /// <summary>Upper case, compared with the accounts' normalized e-mail (as Identity does).</summary>
    public required string NormalizedEmail { get; set; }

    public OrganizationRole Role { get; set; }

    public Guid InvitedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public InvitationStatus Status { get; set; }

    /// <summary>When it was accepted, declined or revoked.</summary>
    public DateTime? AnsweredUtc { get; set; }

    /// <summary>The account that accepted or declined it, or the Owner who revoked it.</summary>
    public Guid? AnsweredByUserId { get; set; }

    public required string TokenHash { get; set; }
}

/// <summary>"hi_" + 32 random bytes: the secret in an invitation link, stored only as its SHA-256 hash.</summary>
public static class InvitationFormat
{
    public const string Prefix = "hi_";

    public static string NewToken() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static bool LooksValid(string? token) => token is { Length: > 3 and <= 100 } && token.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>How a stored invitation reads at <paramref name="now"/>: pending, accepted, declined, revoked or expired.</summary>
    public static string StatusAt(InvitationStatus status, DateTime expiresUtc, DateTime now) =>
        status == InvitationStatus.Pending && expiresUtc <= now ? "expired" : status.ToString().ToLowerInvariant();
}

/// <param name="Status">pending, accepted, declined, revoked or expired.</param>
/// <param name="InvitedBy">The e-mail of the Owner who sent it.</param>
public sealed record InvitationDto(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string Email,
    string Role,
    string Status,
    DateTime CreatedUtc,
    DateTime ExpiresUtc,
    string? InvitedBy,
    DateTime? AnsweredUtc);

internal sealed class MemberInvitationConfiguration : IEntityTypeConfiguration<MemberInvitation>
{
    public void Configure(EntityTypeBuilder<MemberInvitation> e)
    {
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => new { x.NormalizedEmail, x.Status });
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.Property(x => x.Email).HasMaxLength(256);
        e.Property(x => x.NormalizedEmail).HasMaxLength(256);
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);

        // Two answers to one invitation at the same moment: only the first may save.
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        e.HasOne<HarmoniaUser>().WithMany().HasForeignKey(x => x.InvitedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
