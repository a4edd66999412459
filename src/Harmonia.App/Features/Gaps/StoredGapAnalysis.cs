using System.Collections.Concurrent;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;

namespace Harmonia.App.Features.Gaps;

/// <summary>
/// The gap report of a stored organization, recomputed only when something changed. Every change to an
/// organization appends to its audit trail in the same transaction, so the last sequence number is an exact,
/// cheap change token: same token, same report. Reports are immutable records, safe to share between requests.
/// </summary>
public sealed class StoredGapReportCache
{
    /// <summary>Organizations x targets kept; beyond it the least recently used goes.</summary>
    public const int MaxEntries = 64;

    // One slot per organization and target: a newer change token replaces the report, so stale reports never pile
    // up (the old cache kept up to 512 reports of every past token and grew the server by a gigabyte under reads).
    private readonly ConcurrentDictionary<(Guid Organization, string Target), Entry> _reports = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<GapReport, ConcurrentDictionary<string, byte[]>> _rendered = new();
    private long _clock;

    public int Count => _reports.Count;

    internal void Add((Guid Organization, string Target, long Sequence, string Content) key, GapReport report)
    {
        _reports[(key.Organization, key.Target)] = new Entry(key.Sequence, key.Content, report, Interlocked.Increment(ref _clock));
        while (_reports.Count > MaxEntries)
        {
            var oldest = _reports.MinBy(e => e.Value.LastUsed);
            _reports.TryRemove(oldest);
        }
    }

    /// <summary>A report written in one format as UTF-8, kept as long as the report itself is cached.</summary>
    public byte[] Rendered(GapReport report, string format, Func<GapReport, string> write) =>
        _rendered.GetOrCreateValue(report).GetOrAdd(format, _ => System.Text.Encoding.UTF8.GetBytes(write(report)));

    internal bool TryGet((Guid Organization, string Target, long Sequence, string Content) key, out GapReport report)
    {
        if (_reports.TryGetValue((key.Organization, key.Target), out var entry) && entry.Sequence == key.Sequence && entry.Content == key.Content)
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            report = entry.Report;
            return true;
        }

        report = null!;
        return false;
    }

    private sealed class Entry(long sequence, string content, GapReport report, long lastUsed)
    {
        public long Sequence { get; } = sequence;

        public string Content { get; } = content;

        public GapReport Report { get; } = report;

        public long LastUsed { get; set; } = lastUsed;
    }
}

/// <param name="TeamCapacityFte">Overrides the organization's capacity for the effort estimate (the CLI's --capacity).</param>
public sealed record StoredGapRequest(Guid OrganizationId, string TargetFrameworkId, double? TeamCapacityFte = null);

public sealed class StoredGapAnalysisHandler(
    HarmoniaDbContext db,
    TenantScope tenant,
    StoredOrganizationState state,
    RunGapAnalysisHandler gap,
    StoredGapReportCache cache,
    Catalogs.OrganizationCatalogs catalogs,
    TimeProvider time)
{
    // The state read for the last report this request asked for: the dashboard and readiness ask for both standards
    // after a change, and the state (about twenty queries) is the same for both while the trail stands still.
    private (Guid Organization, long Sequence, int Day, OrganizationState State)? _loaded;

    public async Task<GapReport> HandleAsync(StoredGapRequest request, CancellationToken cancellationToken = default)
    {
        tenant.Enter(request.OrganizationId);
        var sequence = await db.ChangeTokenAsync(request.OrganizationId, cancellationToken);
        var catalog = await catalogs.ForAsync(request.OrganizationId, cancellationToken);
        // The date is part of the key: a review date passing changes the report without any change to the data.
        var key = (request.OrganizationId, request.TargetFrameworkId, sequence,
            catalog.Version + "|" + DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).DayNumber + "|" + request.TeamCapacityFte?.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        if (cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).DayNumber;
        var organization = _loaded is { } loaded && loaded.Organization == request.OrganizationId && loaded.Sequence == sequence && loaded.Day == day
            ? loaded.State
            : await state.LoadAsync(request.OrganizationId, cancellationToken);
        _loaded = (request.OrganizationId, sequence, day, organization);
        var report = gap.Handle(new RunGapAnalysisRequest(organization, request.TargetFrameworkId, request.TeamCapacityFte), catalog.Own.Count > 0 ? catalog.Engine : null);
        cache.Add(key, report);
        return report;
    }
}
