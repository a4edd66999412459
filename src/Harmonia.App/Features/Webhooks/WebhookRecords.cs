using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Webhooks;

/// <summary>
/// An address the organization's events are sent to. Its changes are the Owner's and land in the audit trail, except
/// the secret, which the trail only marks as set (<see cref="ProtectedSecret"/> is key material).
/// </summary>
public sealed class WebhookEndpointRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Url { get; set; }

    public string Description { get; set; } = string.Empty;

    /// <summary>Subscribed event names, comma-separated, in catalog order.</summary>
    public required string EventTypes { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>When it was added or last switched on: failures before that do not count towards switching it off.</summary>
    public DateTime EnabledSinceUtc { get; set; }

    /// <summary>Set when the server switched the webhook off because it only failed; cleared when it is switched on again.</summary>
    public DateTime? SwitchedOffUtc { get; set; }

    /// <summary>Why the server switched it off, in words; null when an Owner switched it off or it is on.</summary>
    public string? SwitchedOffReason { get; set; }

    /// <summary>The last message an Owner sent by hand (a test, or a message sent again), so the audit trail records who and what.</summary>
    public string? LastSentByHand { get; set; }

    /// <summary>The "whsec_" secret, protected with the server's data-protection keys (it must be read back to sign).</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>Events up to this audit sequence happened before the address existed and are not sent to it.</summary>
    public long StartsAfterSequence { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    public IReadOnlyList<string> Subscribed => EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// One message to one address, with its attempts. Derived from the audit trail and due work, so it is not itself
/// audited; an Owner reads these rows as the delivery log.
/// </summary>
public sealed class WebhookDeliveryRecord : IOrganizationRow
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid EndpointId { get; set; }

    /// <summary>The webhook-id header: the same on every attempt, so a receiver can drop repeats.</summary>
    public required string MessageId { get; set; }

    public required string EventType { get; set; }

    /// <summary>What makes this message unique for its address (an audit sequence and event, a due item and date).</summary>
    public required string DedupKey { get; set; }

    public required string Payload { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary><see cref="WebhookDeliveryStatuses"/>.</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    public DateTime? LastAttemptUtc { get; set; }

    public int? LastStatusCode { get; set; }

    /// <summary>What went wrong on the last attempt, in words, or the start of the receiver's answer.</summary>
    public string? LastOutcome { get; set; }

    public int? LastDurationMs { get; set; }

    /// <summary>When this message was first tried (kept when it is sent again by hand): a failing webhook has failed since then.</summary>
    public DateTime? FirstAttemptUtc { get; set; }

    /// <summary>When a node took the delivery to send it; a claim older than two minutes is taken again.</summary>
    public DateTime? ClaimedUtc { get; set; }
}

public static class WebhookDeliveryStatuses
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public static string Label(string status) => status switch
    {
        Pending => "Waiting to be sent",
        Sending => "Being sent",
        Delivered => "Delivered",
        _ => "Given up",
    };
}

/// <summary>How far the organization's audit trail has been turned into webhook messages, and the last readiness seen.</summary>
public sealed class WebhookFeedStateRecord : IOrganizationRow
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The last audit event turned into messages; the concurrency token between two nodes.</summary>
    public long DispatchedSequence { get; set; }

    /// <summary>The readiness scores and verdicts last sent (or first seen), to tell a change.</summary>
    public string? ReadinessFingerprint { get; set; }

    /// <summary>The day due work was last looked at.</summary>
    public DateOnly? WorkCheckedOn { get; set; }
}
