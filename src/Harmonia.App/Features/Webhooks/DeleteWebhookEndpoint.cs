using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Webhooks;

/// <summary>Removes an address together with its delivery log; nothing more is sent to it.</summary>
public sealed class DeleteWebhookEndpointHandler(HarmoniaDbContext db)
{
    public async Task HandleAsync(Guid endpointId, CancellationToken cancellationToken = default)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(w => w.Id == endpointId, cancellationToken) ?? throw new NotFoundException("webhook", endpointId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.WebhookDeliveries.Where(d => d.EndpointId == endpointId).ExecuteDeleteAsync(cancellationToken);
        db.WebhookEndpoints.Remove(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
