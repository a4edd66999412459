using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Webhooks;

/// <summary>
/// Adds an address (with a new secret, returned once) or changes one: its address, description, events, or whether it
/// is on. A new address receives only what happens after it was added.
/// </summary>
public sealed class SaveWebhookEndpointHandler(HarmoniaDbContext db, AuditActor actor, WebhookSettings settings, WebhookSecrets secrets, TimeProvider time)
{
    public async Task<SavedWebhookEndpoint> HandleAsync(SaveWebhookEndpointRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (settings.Addresses.Refusal(request.Url) is { } refusal)
        {
            errors["url"] = [refusal];
        }

        var description = (request.Description ?? string.Empty).Trim();
        if (description.Length > 200)
        {
            errors["description"] = ["The description is longer than 200 characters."];
        }

        var unknown = request.EventTypes.Where(e => !WebhookEventTypes.IsKnown(e) || e == WebhookEventTypes.Test).Distinct(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            errors["events"] = [$"Unknown event{(unknown.Length == 1 ? string.Empty : "s")}: {string.Join(", ", unknown.Take(5))}. Choose from the list."];
        }
        else if (request.EventTypes.Count == 0)
        {
            errors["events"] = ["Choose at least one event to send."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var events = string.Join(",", WebhookEventTypes.All.Select(t => t.Name).Where(request.EventTypes.Contains));
        var url = request.Url.Trim();
        string? secret = null;
        WebhookEndpointRecord endpoint;
        if (request.Id is { } id)
        {
            endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(w => w.Id == id, cancellationToken) ?? throw new NotFoundException("webhook", id);
            if (request.Enabled && !endpoint.Enabled)
            {
                // Switched back on: what happened while it was off is not sent now, as if it were added again, and the
                // failures from before do not count towards switching it off.
                endpoint.StartsAfterSequence = await db.AuditEvents.Select(e => (long?)e.Sequence).MaxAsync(cancellationToken) ?? 0;
                (endpoint.EnabledSinceUtc, endpoint.SwitchedOffUtc, endpoint.SwitchedOffReason) = (time.GetUtcNow().UtcDateTime, null, null);
            }
            else if (!request.Enabled && endpoint.Enabled)
            {
                (endpoint.SwitchedOffUtc, endpoint.SwitchedOffReason) = (time.GetUtcNow().UtcDateTime, null);
            }

            (endpoint.Url, endpoint.Description, endpoint.EventTypes, endpoint.Enabled) = (url, description, events, request.Enabled);
        }
        else
        {
            if (await db.WebhookEndpoints.CountAsync(cancellationToken) >= WebhookSettings.MaxEndpointsPerOrganization)
            {
                throw new LimitReachedException($"An organization can have at most {WebhookSettings.MaxEndpointsPerOrganization} webhooks; remove one first.");
            }

            secret = WebhookSignature.NewSecret();
            endpoint = new WebhookEndpointRecord
            {
                Url = url,
                Description = description,
                EventTypes = events,
                Enabled = request.Enabled,
                ProtectedSecret = secrets.Protect(secret),
                StartsAfterSequence = await db.AuditEvents.Select(e => (long?)e.Sequence).MaxAsync(cancellationToken) ?? 0,
                CreatedBy = actor.Name,
                CreatedUtc = time.GetUtcNow().UtcDateTime,
                EnabledSinceUtc = time.GetUtcNow().UtcDateTime,
                SwitchedOffUtc = request.Enabled ? null : time.GetUtcNow().UtcDateTime,
            };
            db.WebhookEndpoints.Add(endpoint);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SavedWebhookEndpoint(await ListWebhookEndpointsHandler.DtoAsync(db, endpoint.Id, cancellationToken), secret);
    }
}
