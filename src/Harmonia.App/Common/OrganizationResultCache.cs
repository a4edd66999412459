using System.Collections.Concurrent;
using Harmonia.App.Persistence;

namespace Harmonia.App.Common;

/// <summary>
/// Results computed from an organization's whole state (readiness, consistency), kept until the organization changes.
/// Every change to an organization's records appends to its audit trail inside the same save, so the trail's last
/// sequence number says whether anything changed; it is read from the database, so a change made through another web
/// node is seen as well. The day is part of the key, because dates passing (reviews due, evidence expiring) change a
/// result without any change to the data. One slot per organization and kind: a newer state replaces the result.
/// </summary>
public sealed class OrganizationResultCache
{
    /// <summary>Organizations x kinds kept; beyond it the least recently used goes.</summary>
    public const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<(Guid Organization, string Kind), Entry> _results = new();
    private long _clock;

    public async Task<T> GetOrComputeAsync<T>(HarmoniaDbContext db, Guid organizationId, string kind, string variant, Func<Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        var (sequence, kept) = await KeptAsync<T>(db, organizationId, kind, variant, cancellationToken);
        if (kept is not null)
        {
            return kept;
        }

        var value = await compute();
        _results[(organizationId, kind)] = new Entry(sequence, variant, value) { LastUsed = Interlocked.Increment(ref _clock) };
        while (_results.Count > MaxEntries)
        {
            _results.TryRemove(_results.MinBy(e => e.Value.LastUsed).Key, out _);
        }

        return value;
    }

    /// <summary>
    /// For passes over every organization (the reminder sweep, the webhook checks): a kept result is used, a new one is
    /// computed and not kept. Kept, an hourly pass would hold every organization's result until its next change, and a
    /// node's memory would grow with the number of organizations instead of with the ones people are looking at (at
    /// ten times today's data the sweep kept 49,500 due-work items of 99 organizations nobody had looked at).
    /// </summary>
    public async Task<T> UseKeptOrComputeAsync<T>(HarmoniaDbContext db, Guid organizationId, string kind, string variant, Func<Task<T>> compute, CancellationToken cancellationToken)
        where T : class =>
        (await KeptAsync<T>(db, organizationId, kind, variant, cancellationToken)).Kept ?? await compute();

    /// <summary>Whether a result of this kind is kept for the organization, whatever its state (for tests).</summary>
    internal bool Holds(Guid organizationId, string kind) => _results.ContainsKey((organizationId, kind));

    private async Task<(long Sequence, T? Kept)> KeptAsync<T>(HarmoniaDbContext db, Guid organizationId, string kind, string variant, CancellationToken cancellationToken)
        where T : class
    {
        var sequence = await db.ChangeTokenAsync(organizationId, cancellationToken);
        if (_results.TryGetValue((organizationId, kind), out var entry) && entry.Sequence == sequence && entry.Variant == variant && entry.Value is T kept)
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            return (sequence, kept);
        }

        return (sequence, null);
    }

    private sealed record Entry(long Sequence, string Variant, object Value)
    {
        public long LastUsed { get; set; }
    }
}
