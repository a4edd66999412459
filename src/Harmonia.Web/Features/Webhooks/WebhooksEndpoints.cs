using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Webhooks;
using Harmonia.Domain.Webhooks;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Webhooks;

/// <summary>Webhooks are the Owner's: they send the organization's events out of Harmonia, signed with a secret.</summary>
internal static class WebhooksEndpoints
{
    public static void MapWebhooksEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Webhooks");

        group.MapGet("/webhooks/event-types", () => TypedResults.Ok(WebhookEventTypes.All.Where(t => t.Name != WebhookEventTypes.Test).ToArray()))
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("The events a webhook can subscribe to.");

        group.MapGet("/webhooks", async (ListWebhookEndpointsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("The organization's webhooks with their delivery counts (never their secrets). Owners only.");

        group.MapPost("/webhooks", async (Guid orgId, WebhookInput input, SaveWebhookEndpointHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var saved = await handler.HandleAsync(new SaveWebhookEndpointRequest(null, input.Url ?? string.Empty, input.Description, input.EventTypes ?? [], input.Enabled ?? true), ct);
                response.Headers.CacheControl = "no-store";
                return TypedResults.Created($"/api/orgs/{orgId}/webhooks/{saved.Endpoint.Id}", saved);
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Add a webhook. The answer carries its signing secret (whsec_...), shown only here. Owners only.");

        group.MapGet("/webhooks/{webhookId:guid}", async (Guid webhookId, ListWebhookEndpointsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(webhookId, ct)))
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("One webhook. Owners only.");

        group.MapPut("/webhooks/{webhookId:guid}", async (Guid webhookId, WebhookInput input, SaveWebhookEndpointHandler handler, CancellationToken ct) =>
                TypedResults.Ok((await handler.HandleAsync(new SaveWebhookEndpointRequest(webhookId, input.Url ?? string.Empty, input.Description, input.EventTypes ?? [], input.Enabled ?? true), ct)).Endpoint))
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Change a webhook's address, description, events or whether it is switched on. Owners only.");

        group.MapDelete("/webhooks/{webhookId:guid}", async (Guid webhookId, DeleteWebhookEndpointHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(webhookId, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Remove a webhook and its delivery log. Owners only.");

        group.MapPost("/webhooks/{webhookId:guid}/secret", async (Guid webhookId, RotateWebhookSecretHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var saved = await handler.HandleAsync(webhookId, ct);
                response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(saved);
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Replace a webhook's signing secret; the new one is in the answer only. Owners only.");

        group.MapPost("/webhooks/{webhookId:guid}/test", async (Guid orgId, Guid webhookId, SendTestWebhookHandler handler, CancellationToken ct) =>
            {
                var id = await handler.HandleAsync(webhookId, ct);
                return TypedResults.Accepted($"/api/orgs/{orgId}/webhook-deliveries?webhook={webhookId}", new { deliveryId = id });
            })
            .RequirePermission(Permission.ManageMembers)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Queue a webhook.test message to the webhook; its outcome appears in the delivery log. Owners only.");

        group.MapGet("/webhook-deliveries", async (Guid? webhook, string? status, int? page, int? pageSize, ListWebhookDeliveriesHandler handler, CancellationToken ct) =>
            {
                var paging = PageRequest.Of(page, pageSize);
                return TypedResults.Ok(await handler.HandleAsync(new WebhookDeliveryFilter(webhook, status, paging.PageNumber, paging.PageSize), ct));
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("The delivery log, newest first: each message, its attempts and the receiver's last answer. Filter by webhook and status (pending, sending, delivered, failed). Owners only.");

        group.MapPost("/webhook-deliveries/{deliveryId:guid}/redeliver", async (Guid deliveryId, RedeliverWebhookHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(deliveryId, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.ManageMembers)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Send a delivered or given-up message again, with the same webhook-id. Owners only.");
    }
}

/// <summary>A webhook as the API takes it.</summary>
internal sealed record WebhookInput(string? Url, string? Description, IReadOnlyList<string>? EventTypes, bool? Enabled);
