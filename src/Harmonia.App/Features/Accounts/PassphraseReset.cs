using System.Buffers.Text;
using System.Security.Cryptography;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Harmonia.App.Features.Accounts;

public sealed record IssueResetLinkRequest(Guid OrganizationId, Guid UserId, Guid ActingUserId);

/// <param name="Secret">Goes into the link; shown once, stored only as a hash.</param>
public sealed record IssuedResetLink(string Secret, DateTime ExpiresUtc, string Email);

/// <summary>
/// Without e-mail, an Owner hands a member a single-use link to set a new passphrase. Same account rule as disabling
/// (ADR 0015): only for a member who belongs to no other organization, never for oneself.
/// </summary>
public sealed class IssueResetLinkHandler(HarmoniaDbContext db, TenantScope tenant, TimeProvider time, SecurityLog log, IOptions<AccountOptions> options)
{
    public async Task<IssuedResetLink> HandleAsync(IssueResetLinkRequest request, CancellationToken cancellationToken = default)
    {
        var user = await AccountScope.RequireOwnedAccountAsync(db, tenant, request.UserId, request.OrganizationId, request.ActingUserId, "issue a reset link for", cancellationToken);
        if (user.DisabledUtc is not null)
        {
            throw new InvalidInputException("The account is disabled; enable it first.");
        }

        var secret = "hr_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var record = new PassphraseResetRecord
        {
            UserId = user.Id,
            TokenHash = AccessTokenFormat.Hash(secret),
            CreatedUtc = now,
            ExpiresUtc = now.AddHours(Math.Clamp(options.Value.ResetLinkValidHours, 1, 24 * 7)),
        };
        db.PassphraseResets.Add(record);
        log.Add(user.Id, SecurityEventKinds.ResetLinkIssued, organizationId: request.OrganizationId);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedResetLink(secret, record.ExpiresUtc, user.Email!);
    }
}

public sealed record UseResetLinkRequest(string Secret, string? NewPassphrase, string? Address = null);

/// <summary>
/// Sets the new passphrase through a reset link: the link must be unused, unexpired and its account enabled. The
/// passphrase policy is the sign-up one; Identity changes the security stamp, so every session of the account ends.
/// </summary>
public sealed class UseResetLinkHandler(HarmoniaDbContext db, TenantScope tenant, UserManager<HarmoniaUser> users, TimeProvider time, SecurityLog log)
{
    public const string Unusable = "This reset link is unknown, used or expired. Ask an owner of your organization for a new one.";

    /// <summary>Whether the link can still be used (for the page, before anyone types a passphrase).</summary>
    public async Task<bool> IsUsableAsync(string secret, CancellationToken cancellationToken = default) =>
        await FindAsync(secret, cancellationToken) is not null;

    public async Task HandleAsync(UseResetLinkRequest request, CancellationToken cancellationToken = default)
    {
        var record = await FindAsync(request.Secret, cancellationToken) ?? throw new InvalidInputException(Unusable);
        var user = await db.Users.SingleAsync(u => u.Id == record.UserId, cancellationToken);
        if (string.IsNullOrEmpty(request.NewPassphrase))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["new"] = ["Give the new passphrase."] });
        }

        tenant.Enter(record.OrganizationId);
        record.UsedUtc = time.GetUtcNow().UtcDateTime;
        log.Add(user.Id, SecurityEventKinds.PassphraseReset, "through a reset link", request.Address);

        // Identity's own reset token only carries the change through its validators and stamp update; the link is the proof.
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), request.NewPassphrase);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            // Two uses of one link at the same moment: the account's concurrency stamp lets only the first one save.
            throw new InvalidInputException(Unusable);
        }

        if (!result.Succeeded)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["new"] = result.Errors.Select(e => e.Description).ToArray() });
        }

        // The lockout a forgotten passphrase may have caused ends with the reset.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    private async Task<PassphraseResetRecord?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith("hr_", StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = AccessTokenFormat.Hash(secret);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.PassphraseResets.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
            .Where(r => r.TokenHash == hash && r.UsedUtc == null && r.ExpiresUtc > now)
            .Where(r => db.Users.Any(u => u.Id == r.UserId && u.DisabledUtc == null))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
