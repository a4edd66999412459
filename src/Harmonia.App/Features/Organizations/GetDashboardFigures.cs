using System.Collections.Concurrent;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
namespace Harmonia.App.Features.Organizations;

public sealed record DashboardFigures(int Controls, int ImplementedControls, int EnteredResults, int Evidence, int ExpiredEvidence, long Changes);

/// <summary>Figures cached per organization, last audit sequence and day (expiry moves with the date, not with changes).</summary>
public sealed class DashboardFiguresCache
{
    private const int MaxEntries = 1024;
    private readonly ConcurrentDictionary<(Guid, long, DateOnly), DashboardFigures> _figures = new();

    internal bool TryGet((Guid, long, DateOnly) key, out DashboardFigures figures) => _figures.TryGetValue(key, out figures!);

    internal void Add((Guid, long, DateOnly) key, DashboardFigures figures)
    {
        if (_figures.Count >= MaxEntries)
        {
            _figures.Clear();
        }

        _figures[key] = figures;
    }
}

/// <summary>
/// The counts on an organization's dashboard. Every change appends to the audit trail, so the last sequence number
/// says whether anything changed since the figures were counted (the same idea as the gap report cache).
/// </summary>
public sealed class GetDashboardFiguresHandler(HarmoniaDbContext db, TenantScope tenant, TimeProvider time, DashboardFiguresCache cache)
{
    public async Task<DashboardFigures> HandleAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        tenant.Enter(organizationId);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var sequence = await db.ChangeTokenAsync(organizationId, cancellationToken);
        var key = (organizationId, sequence, today);
        if (cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var figures = new DashboardFigures(
            await db.Controls.CountAsync(cancellationToken),
            await db.Controls.CountAsync(c => c.Status == "implemented", cancellationToken),
            await db.RequirementResults.CountAsync(cancellationToken),
            await db.Evidence.CountAsync(cancellationToken),
            await db.Evidence.Join(db.EvidenceVersions, e => new { e.Id, Number = e.CurrentVersion }, v => new { Id = v.EvidenceId, v.Number }, (e, v) => v)
                .CountAsync(v => v.ExpiresOn < today, cancellationToken),
            sequence);
        cache.Add(key, figures);
        return figures;
    }
}
