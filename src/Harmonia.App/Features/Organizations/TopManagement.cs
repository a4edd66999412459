using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Organizations;

/// <summary>A top-management member as shown and exchanged: the linked account by e-mail.</summary>
public sealed record TopManagementMemberDto(Guid Id, string Name, string Position, string? MemberEmail, int Version);

/// <summary>What a client sends to name or change a top-management member; memberEmail links a member account (optional).</summary>
public sealed record TopManagementMemberInput(string? Name, string? Position, string? MemberEmail);

/// <summary>Who is acting, as a member account and as top management: the identity behind "only the owner" and "top management" rules.</summary>
public sealed class SignedInPerson(HarmoniaDbContext db, AuditActor actor)
{
    /// <summary>The member account of the signed-in user (a browser session or their token); null for the CLI or a non-member.</summary>
    public async Task<Guid?> UserIdAsync(CancellationToken cancellationToken = default)
    {
        if (!actor.Name.StartsWith("user:", StringComparison.Ordinal))
        {
            return null;
        }

        var token = actor.Name.IndexOf(" (token ", StringComparison.Ordinal);
        var email = (token < 0 ? actor.Name[5..] : actor.Name[5..token]).Trim().ToUpperInvariant();
        var user = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        return user is { } id && await db.Memberships.AnyAsync(m => m.UserId == id, cancellationToken) ? id : null;
    }

    /// <summary>The top-management member the signed-in user is, if any.</summary>
    public async Task<TopManagementMember?> TopManagementAsync(CancellationToken cancellationToken = default) =>
        await UserIdAsync(cancellationToken) is { } user ? await db.TopManagement.FirstOrDefaultAsync(m => m.UserId == user, cancellationToken) : null;
}

public sealed class ListTopManagementHandler(HarmoniaDbContext db)
{
    public async Task<IReadOnlyList<TopManagementMemberDto>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var members = await db.TopManagement.AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var ids = members.Where(m => m.UserId is not null).Select(m => m.UserId!.Value).ToArray();
        var emails = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        return members.Select(m => new TopManagementMemberDto(m.Id, m.Name, m.Position, m.UserId is { } u ? emails.GetValueOrDefault(u) : null, m.Version)).ToArray();
    }
}
