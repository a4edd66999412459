using System.Collections.Concurrent;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.AuditTrail;

/// <param name="CheckedUtc">When the chain was walked; the page says so, and offers to walk it again.</param>
public sealed record AuditTrailCheck(AuditTrailVerification Verification, DateTime CheckedUtc, bool Fresh);

/// <summary>
/// The hash-chain check the audit trail page shows. Walking the whole chain reads every event the organization ever
/// recorded (about 23,000 at ten times today's data, 150 ms and more per visit), so a result is shown again for up to
/// <see cref="ReuseFor"/> while the trail has not grown, with the time it was checked; the page's "check again now"
/// (<c>fresh</c>) always walks the chain. An edit made to the database behind the application's back therefore shows
/// at the latest five minutes later, or at once when asked; the API and the CLI always walk the whole chain.
/// </summary>
public sealed class CheckAuditTrailForPageHandler(HarmoniaDbContext db, VerifyAuditTrailHandler verify, AuditTrailChecks checks, TimeProvider time)
{
    public static readonly TimeSpan ReuseFor = TimeSpan.FromMinutes(5);

    public async Task<AuditTrailCheck> HandleAsync(Guid organizationId, bool fresh, CancellationToken cancellationToken = default)
    {
        var changeToken = await db.ChangeTokenAsync(organizationId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (!fresh && checks.Recent(organizationId, changeToken, now - ReuseFor) is { } recent)
        {
            return recent with { Fresh = false };
        }

        var check = new AuditTrailCheck(await verify.HandleAsync(new VerifyAuditTrailRequest(organizationId), cancellationToken), now, true);
        checks.Keep(organizationId, changeToken, check);
        return check;
    }
}

/// <summary>The last check per organization, with the change token it was made at. Bounded: when full it starts again empty.</summary>
public sealed class AuditTrailChecks
{
    public const int MaxOrganizations = 1_000;

    private readonly ConcurrentDictionary<Guid, (long ChangeToken, AuditTrailCheck Check)> _checks = new();

    internal AuditTrailCheck? Recent(Guid organizationId, long changeToken, DateTime notBeforeUtc) =>
        _checks.TryGetValue(organizationId, out var kept) && kept.ChangeToken == changeToken && kept.Check.CheckedUtc >= notBeforeUtc ? kept.Check : null;

    internal void Keep(Guid organizationId, long changeToken, AuditTrailCheck check)
    {
        if (_checks.Count >= MaxOrganizations)
        {
            _checks.Clear();
        }

        _checks[organizationId] = (changeToken, check);
    }
}
