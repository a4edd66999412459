using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Webhooks;

/// <summary>The organization's webhook addresses with how their deliveries stand.</summary>
public sealed class ListWebhookEndpointsHandler(HarmoniaDbContext db)
{
    public Task<IReadOnlyList<WebhookEndpointDto>> HandleAsync(CancellationToken cancellationToken = default) =>
        DtosAsync(db, db.WebhookEndpoints, cancellationToken);

    public async Task<WebhookEndpointDto> GetAsync(Guid endpointId, CancellationToken cancellationToken = default) =>
        (await DtosAsync(db, db.WebhookEndpoints.Where(w => w.Id == endpointId), cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException("webhook", endpointId);

    internal static async Task<WebhookEndpointDto> DtoAsync(HarmoniaDbContext db, Guid endpointId, CancellationToken cancellationToken) =>
        (await DtosAsync(db, db.WebhookEndpoints.Where(w => w.Id == endpointId), cancellationToken)).Single();

    // Three queries for any number of webhooks: the addresses, the counts by status, the last delivery of each.
    private static async Task<IReadOnlyList<WebhookEndpointDto>> DtosAsync(HarmoniaDbContext db, IQueryable<WebhookEndpointRecord> endpoints, CancellationToken cancellationToken)
    {
        var list = await endpoints.AsNoTracking().OrderBy(w => w.CreatedUtc).ThenBy(w => w.Id).ToListAsync(cancellationToken);
        if (list.Count == 0)
        {
            return [];
        }

        var ids = list.Select(w => w.Id).ToList();
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => ids.Contains(d.EndpointId));
        var counts = await deliveries.GroupBy(d => new { d.EndpointId, d.Status })
            .Select(g => new { g.Key.EndpointId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var lastDelivered = await deliveries.Where(d => d.Status == WebhookDeliveryStatuses.Delivered).GroupBy(d => d.EndpointId)
            .Select(g => new { EndpointId = g.Key, Last = g.Max(d => d.LastAttemptUtc) }).ToDictionaryAsync(g => g.EndpointId, g => g.Last, cancellationToken);
        int Count(Guid id, params string[] statuses) => counts.Where(c => c.EndpointId == id && statuses.Contains(c.Status)).Sum(c => c.Count);
        return [.. list.Select(w => new WebhookEndpointDto(
            w.Id, w.Url, w.Description, w.Subscribed, w.Enabled, w.CreatedBy, w.CreatedUtc,
            Count(w.Id, WebhookDeliveryStatuses.Delivered), Count(w.Id, WebhookDeliveryStatuses.Pending, WebhookDeliveryStatuses.Sending), Count(w.Id, WebhookDeliveryStatuses.Failed),
            lastDelivered.GetValueOrDefault(w.Id), w.Enabled ? null : w.SwitchedOffUtc, w.Enabled ? null : w.SwitchedOffReason))];
    }
}
