namespace Harmonia.App.Features.Webhooks;

/// <param name="Id">Null to add an address; the address's id to change it.</param>
/// <param name="EventTypes">Event names from the catalog (GET .../webhooks/event-types).</param>
public sealed record SaveWebhookEndpointRequest(Guid? Id, string Url, string? Description, IReadOnlyList<string> EventTypes, bool Enabled = true);

/// <param name="Secret">Only when the address was added or its secret replaced: shown once, never again.</param>
public sealed record SavedWebhookEndpoint(WebhookEndpointDto Endpoint, string? Secret);

/// <param name="SwitchedOffReason">Set when the server switched the webhook off because it only failed; null when an Owner did.</param>
public sealed record WebhookEndpointDto(
    Guid Id, string Url, string Description, IReadOnlyList<string> EventTypes, bool Enabled, string CreatedBy, DateTime CreatedUtc,
    int Delivered, int Waiting, int GivenUp, DateTime? LastDeliveredUtc, DateTime? SwitchedOffUtc, string? SwitchedOffReason);

public sealed record WebhookDeliveryDto(
    Guid Id, Guid EndpointId, string EndpointUrl, string MessageId, string EventType, string Status, int Attempts, DateTime CreatedUtc,
    DateTime? LastAttemptUtc, DateTime? NextAttemptUtc, int? LastStatusCode, string? LastOutcome, int? LastDurationMs, string Payload);

public sealed record WebhookDeliveryFilter(Guid? EndpointId = null, string? Status = null, int Page = 1, int PageSize = 50);
