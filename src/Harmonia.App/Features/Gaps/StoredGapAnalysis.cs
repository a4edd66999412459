using System.Collections.Concurrent;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Gaps;

/// <summary>
/// The gap report of a stored organization, recomputed only when something changed. Every change to an
/// organization appends to its audit trail in the same transaction, so the last sequence number is an exact,
/// cheap change token: same token, same report. Reports are immutable records, safe to share between requests.
/// </summary>
public sealed class StoredGapReportCache
{
    private const int MaxEntries = 512;
    private readonly ConcurrentDictionary<(Guid Organization, string Target, long Sequence, string Content), GapReport> _reports = new();

    internal void Add((Guid, string, long, string) key, GapReport report)
    {
        if (_reports.Count >= MaxEntries)
        {
            _reports.Clear();
        }

        _reports[key] = report;
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<GapReport, ConcurrentDictionary<string, byte[]>> _rendered = new();

    /// <summary>A report written in one format as UTF-8, kept as long as the report itself is cached.</summary>
    public byte[] Rendered(GapReport report, string format, Func<GapReport, string> write) =>
        _rendered.GetOrCreateValue(report).GetOrAdd(format, _ => System.Text.Encoding.UTF8.GetBytes(write(report)));

    internal bool TryGet((Guid, string, long, string) key, out GapReport report) => _reports.TryGetValue(key, out report!);
}

/// <param name="TeamCapacityFte">Overrides the organization's capacity for the effort estimate (the CLI's --capacity).</param>
public sealed record StoredGapRequest(Guid OrganizationId, string TargetFrameworkId, double? TeamCapacityFte = null);

public sealed class StoredGapAnalysisHandler(
    HarmoniaDbContext db,
    TenantScope tenant,
    StoredOrganizationState state,
    RunGapAnalysisHandler gap,
    LoadedContent content,
    StoredGapReportCache cache,
    TimeProvider time)
{
    public async Task<GapReport> HandleAsync(StoredGapRequest request, CancellationToken cancellationToken = default)
    {
        tenant.Enter(request.OrganizationId);
        var sequence = await db.AuditEvents.Select(e => (long?)e.Sequence).MaxAsync(cancellationToken) ?? 0;
        // The date is part of the key: a review date passing changes the report without any change to the data.
        var key = (request.OrganizationId, request.TargetFrameworkId, sequence,
            content.Version + "|" + DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).DayNumber + "|" + request.TeamCapacityFte?.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        if (cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var organization = await state.LoadAsync(request.OrganizationId, cancellationToken);
        var report = gap.Handle(new RunGapAnalysisRequest(organization, request.TargetFrameworkId, request.TeamCapacityFte));
        cache.Add(key, report);
        return report;
    }
}
