using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Harmonia.App.Features.Accounts;

/// <summary>How tokens look and are stored: "hm_" + 32 random bytes, kept only as a SHA-256 hash.</summary>
public static class AccessTokenFormat
{
    public const string Prefix = "hm_";

    public static string NewToken() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <param name="ValidForDays">1 to 366 days.</param>
public sealed record CreateAccessTokenRequest(Guid OrganizationId, Guid UserId, string Name, int ValidForDays = 90, string? Address = null);

/// <param name="Token">The plain token: shown once, never stored.</param>
public sealed record CreatedAccessToken(Guid Id, string Token, DateTime ExpiresUtc);

public sealed class CreateAccessTokenHandler(HarmoniaDbContext db, TenantScope tenant, TimeProvider time, SecurityLog log)
{
    public async Task<CreatedAccessToken> HandleAsync(CreateAccessTokenRequest request, CancellationToken cancellationToken = default)
    {
        // Keyed by the settings form's fields (name, days), so the page shows each message beside its field.
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            errors["name"] = ["Say what the token is for (1 to 100 characters), so you recognise it later."];
        }

        if (request.ValidForDays is < 1 or > 366)
        {
            errors["days"] = ["A token is valid for a whole number of days from 1 to 366."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        tenant.Enter(request.OrganizationId);
        if (!await db.Memberships.AnyAsync(m => m.UserId == request.UserId, cancellationToken))
        {
            throw new InvalidInputException("Only members of the organization can have tokens for it.");
        }

        var token = AccessTokenFormat.NewToken();
        var now = time.GetUtcNow().UtcDateTime;
        var record = new PersonalAccessToken
        {
            UserId = request.UserId,
            Name = request.Name.Trim(),
            Prefix = token[..10],
            TokenHash = AccessTokenFormat.Hash(token),
            CreatedUtc = now,
            ExpiresUtc = now.AddDays(request.ValidForDays),
        };
        db.AccessTokens.Add(record);
        log.Add(request.UserId, SecurityEventKinds.TokenCreated, $"'{record.Name}' ({record.Prefix}…)", request.Address);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessToken(record.Id, token, record.ExpiresUtc);
    }
}

/// <summary>Who a presented token stands for, or null when it is unknown, expired or revoked.</summary>
/// <param name="Role">The holder's role in the token's organization, read in the same query (null: no longer a member).</param>
public sealed record TokenIdentity(Guid UserId, Guid OrganizationId, Guid TokenId, string Email, string Prefix, OrganizationRole? Role = null);

/// <summary>
/// Finds who a token stands for: unknown, expired and revoked tokens fail, and so does every token of a disabled
/// account, checked on each request. The first use from an address the token has not been used from goes into the
/// account's security log.
/// </summary>
public sealed class AuthenticateAccessTokenHandler(HarmoniaDbContext db, TimeProvider time, SecurityLog log, TokenAddressesSeen seen)
{
    private static readonly string[] TenantFilterOnly = [HarmoniaDbContext.TenantFilter];

    // One round trip for what an API request needs before its own work: the token and its account, the holder's role in
    // the token's organization (the authorization step uses it instead of reading it again) and the organization's
    // change token (the cached results' key, HarmoniaDbContext.ChangeTokenAsync). Compiled once per model: EF otherwise
    // rebuilt and looked up this query's tree on every API request, about a tenth of the time of a cached gap report. A
    // compiled query serves only the model it was first run with, and a process can hold several (the two databases,
    // and every test host's own).
    private static readonly ConditionalWeakTable<IModel, Func<HarmoniaDbContext, string, DateTime, CancellationToken, Task<FoundToken?>>> Compiled = new();

    private static Func<HarmoniaDbContext, string, DateTime, CancellationToken, Task<FoundToken?>> Compile() => EF.CompileAsyncQuery(
        (HarmoniaDbContext db, string hash, DateTime now, CancellationToken _) => db.AccessTokens.IgnoreQueryFilters(TenantFilterOnly)
            .Where(t => t.TokenHash == hash && t.RevokedUtc == null && t.ExpiresUtc > now)
            .Join(db.Users.Where(u => u.DisabledUtc == null), t => t.UserId, u => u.Id, (t, u) => new FoundToken(
                new TokenIdentity(t.UserId, t.OrganizationId, t.Id, u.Email!, t.Prefix, db.Memberships.IgnoreQueryFilters(TenantFilterOnly)
                    .Where(m => m.OrganizationId == t.OrganizationId && m.UserId == t.UserId).Select(m => (OrganizationRole?)m.Role).FirstOrDefault()),
                db.AuditEvents.IgnoreQueryFilters(TenantFilterOnly).Where(e => e.OrganizationId == t.OrganizationId).Max(e => (long?)e.Sequence)))
            .AsNoTracking()
            .SingleOrDefault());

    public async Task<TokenIdentity?> HandleAsync(string token, string? address = null, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(AccessTokenFormat.Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var find = Compiled.GetValue(db.Model, _ => Compile());
        var found = await find(db, AccessTokenFormat.Hash(token), time.GetUtcNow().UtcDateTime, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var identity = found.Identity;
        db.RememberChangeToken(identity.OrganizationId, found.ChangeToken ?? 0);
        var from = address ?? "unknown";
        var detail = $"token {identity.Prefix}… ({identity.TokenId})";
        if (!seen.Knows(identity.TokenId, from))
        {
            if (!await db.AccountSecurityEvents.AnyAsync(e => e.UserId == identity.UserId && e.Kind == SecurityEventKinds.TokenUsedFromNewAddress && e.Detail == detail && e.Address == from, cancellationToken))
            {
                log.Add(identity.UserId, SecurityEventKinds.TokenUsedFromNewAddress, detail, from);
                await db.SaveChangesAsync(cancellationToken);
            }

            seen.Remember(identity.TokenId, from);
        }

        return identity;
    }

    private sealed record FoundToken(TokenIdentity Identity, long? ChangeToken);
}

/// <summary>
/// The token and address pairs this process knows to be in the security log already, so a token used again from the
/// same address costs no query for it (an integration polls with one token from one address all day). Only ever a
/// shortcut past the log's own check: a pair not held here is looked up in the log, so another node's first use is
/// never logged twice. Bounded: when full it starts again empty.
/// </summary>
public sealed class TokenAddressesSeen
{
    public const int MaxPairs = 10_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid Token, string Address), byte> _pairs = new();

    public bool Knows(Guid tokenId, string address) => _pairs.ContainsKey((tokenId, address));

    public void Remember(Guid tokenId, string address)
    {
        if (_pairs.Count >= MaxPairs)
        {
            _pairs.Clear();
        }

        _pairs.TryAdd((tokenId, address), 0);
    }
}

/// <param name="OnlyOfUser">Revoke only if the token is this person's (a member revoking their own); null for an Owner.</param>
public sealed record RevokeAccessTokenRequest(Guid OrganizationId, Guid TokenId, Guid? OnlyOfUser = null);

public sealed class RevokeAccessTokenHandler(HarmoniaDbContext db, TenantScope tenant, TimeProvider time)
{
    public async Task HandleAsync(RevokeAccessTokenRequest request, CancellationToken cancellationToken = default)
    {
        tenant.Enter(request.OrganizationId);
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == request.TokenId && (request.OnlyOfUser == null || t.UserId == request.OnlyOfUser), cancellationToken)
            ?? throw new NotFoundException("token", message: request.OnlyOfUser is null ? "The organization has no such token." : "You have no such token.");
        token.RevokedUtc ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
