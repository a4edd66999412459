using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Webhooks;

/// <summary>Replaces an address's secret: messages from now on are signed with the new one, returned once.</summary>
public sealed class RotateWebhookSecretHandler(HarmoniaDbContext db, WebhookSecrets secrets)
{
    public async Task<SavedWebhookEndpoint> HandleAsync(Guid endpointId, CancellationToken cancellationToken = default)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(w => w.Id == endpointId, cancellationToken) ?? throw new NotFoundException("webhook", endpointId);
        var secret = WebhookSignature.NewSecret();
        endpoint.ProtectedSecret = secrets.Protect(secret);
        await db.SaveChangesAsync(cancellationToken);
        return new SavedWebhookEndpoint(await ListWebhookEndpointsHandler.DtoAsync(db, endpointId, cancellationToken), secret);
    }
}
