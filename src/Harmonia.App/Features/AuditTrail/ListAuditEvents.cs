using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AuditTrail;

public sealed record AuditEventDto(long Sequence, DateTime OccurredUtc, string Actor, string EntityType, string EntityId, string Action, string Changes, string Hash);

/// <summary>The organization's audit trail, newest first.</summary>
public sealed class ListAuditEventsHandler(HarmoniaDbContext db, OrganizationResultCache cache)
{
    /// <summary>The newest events, for the dashboard's activity feed: they change only when the trail grows, so they
    /// are kept per change token (two queries a dashboard visit fewer).</summary>
    public Task<IReadOnlyList<AuditEventDto>> NewestAsync(Guid organizationId, int count, CancellationToken cancellationToken = default) =>
        cache.GetOrComputeAsync<IReadOnlyList<AuditEventDto>>(db, organizationId, "newest-events", count.ToString(System.Globalization.CultureInfo.InvariantCulture), async () =>
            await NewestFirst(db.AuditEvents.Where(e => e.OrganizationId == organizationId)).Take(count).ToListAsync(cancellationToken), cancellationToken);

    public async Task<Page<AuditEventDto>> HandleAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var total = await db.AuditEvents.CountAsync(cancellationToken);
        var items = await NewestFirst(db.AuditEvents).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<AuditEventDto>(items, page.PageNumber, page.PageSize, total);
    }

    private static IQueryable<AuditEventDto> NewestFirst(IQueryable<AuditEvent> events) => events.AsNoTracking().OrderByDescending(e => e.Sequence)
        .Select(e => new AuditEventDto(e.Sequence, e.OccurredUtc, e.Actor, e.EntityType, e.EntityId, e.Action, e.Changes, e.Hash));
}
