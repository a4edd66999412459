namespace Harmonia.Domain.Gaps;

public enum ControlStatus
{
    Planned,
    InProgress,
    Implemented,
    NotApplicable,
}

/// <summary>A measure the organization runs; it satisfies requirements of any framework.</summary>
public sealed record OrganizationControl(
    string Id,
    string Name,
    string? Owner,
    ControlStatus Status,
    IReadOnlyList<string> Satisfies,
    IReadOnlyList<EvidenceReference> Evidence);

public sealed record EvidenceReference(string Title, DateOnly? Date);

/// <summary>A result a person entered for one requirement; it wins over anything derived or inferred.</summary>
public sealed record DirectResult(string RequirementId, RequirementResult Result, string? Reason);

/// <summary>What the gap analysis needs to know about an organization.</summary>
public sealed record OrganizationState(
    string Name,
    int? Employees,
    double TeamCapacityFte,
    IReadOnlyList<OrganizationControl> Controls,
    IReadOnlyList<DirectResult> Results);
