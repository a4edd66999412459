using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Consistency;

/// <summary>
/// A person's decision that a contradiction may stand, with the reason. It holds for the facts it was given for only:
/// the fingerprint of those facts is kept, and a finding whose facts changed is open again.
/// </summary>
public sealed class ConsistencyAcknowledgementRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The finding's id: rule and subject, e.g. "high-impact-denied:AI-02".</summary>
    public required string FindingId { get; set; }

    /// <summary>The digest of the facts the acknowledgement was given for.</summary>
    public required string Fingerprint { get; set; }

    public required string Reason { get; set; }

    public required string AcknowledgedBy { get; set; }

    public DateTime AcknowledgedUtc { get; set; }
}
