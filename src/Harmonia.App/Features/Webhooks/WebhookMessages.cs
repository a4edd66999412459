using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harmonia.App.Features.Webhooks;

/// <summary>
/// The body of a message, in the Standard Webhooks shape: { type, timestamp, data }. Messages are thin: they say what
/// happened to which record and who did it, never the record's content; a receiver that needs more reads it through the
/// API with its own token, so a webhook never widens who can read what.
/// </summary>
public static class WebhookMessages
{
    public static string NewMessageId() => "msg_" + Guid.NewGuid().ToString("N");

    /// <summary>A message waiting to be sent at once to one address.</summary>
    public static WebhookDeliveryRecord Pending(Guid organizationId, Guid endpointId, string type, string dedupKey, DateTime nowUtc, JsonObject data) => new()
    {
        OrganizationId = organizationId,
        EndpointId = endpointId,
        MessageId = NewMessageId(),
        EventType = type,
        DedupKey = dedupKey,
        Payload = Body(type, nowUtc, data),
        CreatedUtc = nowUtc,
        Status = WebhookDeliveryStatuses.Pending,
        NextAttemptUtc = nowUtc,
    };

    public static string Body(string type, DateTime createdUtc, JsonObject data) =>
        new JsonObject
        {
            ["type"] = type,
            ["timestamp"] = createdUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["data"] = data,
        }.ToJsonString(Options);

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };
}
