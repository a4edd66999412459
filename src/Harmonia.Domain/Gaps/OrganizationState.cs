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

public enum EvidenceKind
{
    /// <summary>A record kept elsewhere, named by its title (minutes, a ticket, a signed form).</summary>
    Record,
    Link,
    File,
}

/// <summary>The current version of one piece of evidence.</summary>
/// <param name="Date">From when it shows the control working.</param>
/// <param name="Expires">After this date it no longer counts.</param>
/// <param name="Location">The link, or the file's name.</param>
/// <param name="Sha256">The file's content hash.</param>
public sealed record EvidenceReference(
    string Title,
    DateOnly? Date,
    DateOnly? Expires = null,
    EvidenceKind Kind = EvidenceKind.Record,
    string? Location = null,
    string? Sha256 = null,
    string? Note = null);

/// <summary>A result a person entered for one requirement; it wins over anything derived or inferred.</summary>
public sealed record DirectResult(string RequirementId, RequirementResult Result, string? Reason);

/// <summary>A published policy or procedure and the requirements its statements address.</summary>
public sealed record PublishedDocument(string Title, string Version, IReadOnlyList<string> RequirementIds);

/// <summary>A result the organization's management records earn a requirement, with the sentence that says why.</summary>
/// <param name="Supplements">
/// When the controls already show a result at least as good, the record does not replace it, but its sentence is still
/// shown beside the controls' (the supplier register names the suppliers behind a supplier control that way).
/// </param>
public sealed record RecordCredit(string RequirementId, RequirementResult Result, string Reason, bool Supplements = false);

/// <summary>What the gap analysis needs to know about an organization.</summary>
public sealed record OrganizationState(
    string Name,
    int? Employees,
    double TeamCapacityFte,
    IReadOnlyList<OrganizationControl> Controls,
    IReadOnlyList<DirectResult> Results)
{
    /// <summary>Published documents: evidence for the documentation part of the requirements they address.</summary>
    public IReadOnlyList<PublishedDocument> Documents { get; init; } = [];

    /// <summary>Results earned by impact assessments, the risk assessment and approved Statements of Applicability.</summary>
    public IReadOnlyList<RecordCredit> Records { get; init; } = [];

    /// <summary>Annex A controls excluded by the approved Statements of Applicability: the only source of "not applicable".</summary>
    public IReadOnlyList<SoaExclusion> Exclusions { get; init; } = [];

    /// <summary>Open major nonconformities: applied last, each forces its requirement to not satisfied.</summary>
    public IReadOnlyList<OpenMajorNonconformity> OpenMajorNonconformities { get; init; } = [];

    /// <summary>The in-scope AI systems with their EU AI Act role and class: they decide which scoped obligations bind the organization.</summary>
    public IReadOnlyList<ScopedAiSystem> AiSystems { get; init; } = [];
}

/// <summary>An in-scope AI system as the gap analysis sees it: the organization's EU AI Act role towards it and its class (either may be unrecorded).</summary>
public sealed record ScopedAiSystem(string Key, string Name, string? EuAiActRole, string? EuAiActClass);
