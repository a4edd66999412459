using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Persistence;

/// <summary>
/// The organization's change token: the sequence number of the last event in its audit trail. Every change appends to
/// the trail in the same save, so the cached results (gap reports, readiness, consistency, due work, dashboard figures)
/// are keyed by it. A dashboard asks for it once per result, about ten times, and each ask was a query of its own; the
/// context now reads it once and keeps it until it saves, for a second at most, because a context of a long job or
/// command must still see changes that other processes make.
/// </summary>
public abstract partial class HarmoniaDbContext
{
    private const long ChangeTokenLifetimeMs = 1_000;
    private (Guid Organization, long Sequence, long ReadAtMs)? _changeToken;

    public async Task<long> ChangeTokenAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        var now = Environment.TickCount64;
        if (_changeToken is { } known && known.Organization == organizationId && now - known.ReadAtMs < ChangeTokenLifetimeMs)
        {
            return known.Sequence;
        }

        var sequence = await AuditEvents.IgnoreQueryFilters([TenantFilter]).Where(e => e.OrganizationId == organizationId)
            .Select(e => (long?)e.Sequence).MaxAsync(cancellationToken) ?? 0;
        _changeToken = (organizationId, sequence, now);
        return sequence;
    }

    /// <summary>The change token read by a query of its own kind (the access token's, which reads it in the same round trip).</summary>
    internal void RememberChangeToken(Guid organizationId, long sequence) => _changeToken = (organizationId, sequence, Environment.TickCount64);

    /// <summary>A save changes the trail (or may have, when it failed midway): the next ask reads it again.</summary>
    private void ForgetChangeToken() => _changeToken = null;
}
