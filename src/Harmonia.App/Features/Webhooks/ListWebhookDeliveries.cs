using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Webhooks;

/// <summary>The delivery log, newest first: every message, its attempts and the receiver's last answer.</summary>
public sealed class ListWebhookDeliveriesHandler(HarmoniaDbContext db)
{
    private static readonly string[] Statuses = [WebhookDeliveryStatuses.Pending, WebhookDeliveryStatuses.Sending, WebhookDeliveryStatuses.Delivered, WebhookDeliveryStatuses.Failed];

    public async Task<Page<WebhookDeliveryDto>> HandleAsync(WebhookDeliveryFilter filter, CancellationToken cancellationToken = default)
    {
        var paging = PageRequest.Of(filter.Page, filter.PageSize);
        if (filter.Status is { } status && !Statuses.Contains(status))
        {
            throw new InvalidInputException($"status must be one of {string.Join(", ", Statuses)}.");
        }

        if (filter.EndpointId is { } endpointId && !await db.WebhookEndpoints.AnyAsync(w => w.Id == endpointId, cancellationToken))
        {
            throw new NotFoundException("webhook", endpointId);
        }

        var query = db.WebhookDeliveries.AsNoTracking();
        if (filter.EndpointId is { } only)
        {
            query = query.Where(d => d.EndpointId == only);
        }

        if (filter.Status is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.CreatedUtc).ThenByDescending(d => d.MessageId)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.WebhookEndpoints, d => d.EndpointId, w => w.Id, (d, w) => new { d, w.Url })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new WebhookDeliveryDto(
            r.d.Id, r.d.EndpointId, r.Url, r.d.MessageId, r.d.EventType, r.d.Status, r.d.Attempts, r.d.CreatedUtc, r.d.LastAttemptUtc,
            r.d.Status is WebhookDeliveryStatuses.Pending ? r.d.NextAttemptUtc : null, r.d.LastStatusCode, r.d.LastOutcome, r.d.LastDurationMs, r.d.Payload)).ToArray();
        return new Page<WebhookDeliveryDto>(items, paging.PageNumber, paging.PageSize, total);
    }
}
