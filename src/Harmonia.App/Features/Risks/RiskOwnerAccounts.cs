using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Risks;

/// <summary>The member accounts risk owners are linked to (ADR 0011: the owner is a person who can sign in).</summary>
public static class RiskOwnerAccounts
{
    /// <summary>User id -> e-mail of the organization's members.</summary>
    public static async Task<Dictionary<Guid, string>> MemberAccountsAsync(this HarmoniaDbContext db, CancellationToken cancellationToken) =>
        await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email }).ToDictionaryAsync(x => x.Id, x => x.Email ?? string.Empty, cancellationToken);

    /// <summary>The user id of the member with this e-mail, or null when no member has it.</summary>
    public static async Task<Guid?> MemberIdAsync(this HarmoniaDbContext db, string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
