using System.Globalization;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Webhooks;

/// <summary>
/// Sends a delivered or given-up message again, with its message id unchanged (a receiver that already has it can
/// drop it) and a fresh set of attempts. The webhook notes what was sent by hand, so the audit trail says who did it.
/// </summary>
public sealed class RedeliverWebhookHandler(HarmoniaDbContext db, TimeProvider time)
{
    public async Task HandleAsync(Guid deliveryId, CancellationToken cancellationToken = default)
    {
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken) ?? throw new NotFoundException("webhook delivery", deliveryId);
        if (delivery.Status is WebhookDeliveryStatuses.Pending or WebhookDeliveryStatuses.Sending)
        {
            throw new InvalidInputException("This message is still waiting to be sent; it goes out at its next attempt.");
        }

        var endpoint = await db.WebhookEndpoints.SingleAsync(w => w.Id == delivery.EndpointId, cancellationToken);
        if (!endpoint.Enabled)
        {
            throw new InvalidInputException("The webhook is switched off; switch it on before sending this message again.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        // The first attempt stays: a webhook that has delivered nothing since then has been failing since then.
        (delivery.Status, delivery.Attempts, delivery.NextAttemptUtc, delivery.ClaimedUtc) = (WebhookDeliveryStatuses.Pending, 0, now, null);
        endpoint.LastSentByHand = string.Create(CultureInfo.InvariantCulture,
            $"Sent again on {now:yyyy-MM-dd HH:mm:ss} UTC: message {delivery.MessageId} ({delivery.EventType}) of {delivery.CreatedUtc:yyyy-MM-dd HH:mm} UTC");
        await db.SaveChangesAsync(cancellationToken);
    }
}
