using Harmonia.App.Persistence;

namespace Harmonia.App.Features.AuditTrail;

/// <summary>
/// One link of an organization's hash chain: who changed what, when, with the fields before and after.
/// <see cref="Hash"/> = SHA-256 over the canonical form of every other column, <see cref="PreviousHash"/> included.
/// </summary>
public sealed class AuditEvent : IOrganizationRow
{
    public long Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>1, 2, 3, ... per organization; unique, so two writers cannot fork the chain.</summary>
    public long Sequence { get; set; }

    public DateTime OccurredUtc { get; set; }

    public required string Actor { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>created, updated or deleted.</summary>
    public required string Action { get; set; }

    /// <summary>JSON object: field -> { before, after }.</summary>
    public required string Changes { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
