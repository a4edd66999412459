using System.Globalization;
using System.Text.Json.Nodes;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Webhooks;

/// <summary>
/// Queues a "webhook.test" message to one address, so an Owner can see the receiver answer before relying on it. The
/// webhook notes the test, so the audit trail says who sent it.
/// </summary>
public sealed class SendTestWebhookHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time)
{
    public async Task<Guid> HandleAsync(Guid endpointId, CancellationToken cancellationToken = default)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(w => w.Id == endpointId, cancellationToken) ?? throw new NotFoundException("webhook", endpointId);
        if (!endpoint.Enabled)
        {
            throw new InvalidInputException("The webhook is switched off; switch it on to send a test message.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var delivery = WebhookMessages.Pending(endpoint.OrganizationId, endpoint.Id, WebhookEventTypes.Test, "test:" + Guid.NewGuid().ToString("N"), now, new JsonObject
        {
            ["organizationId"] = endpoint.OrganizationId.ToString("D"),
            ["summary"] = "A test message from Harmonia: if you can read this, the address works and the signature can be checked.",
            ["actor"] = actor.Name,
        });
        db.WebhookDeliveries.Add(delivery);
        endpoint.LastSentByHand = string.Create(CultureInfo.InvariantCulture, $"Test message {delivery.MessageId} sent on {now:yyyy-MM-dd HH:mm:ss} UTC");
        await db.SaveChangesAsync(cancellationToken);
        return delivery.Id;
    }
}
