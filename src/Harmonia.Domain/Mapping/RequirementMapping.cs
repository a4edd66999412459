namespace Harmonia.Domain.Mapping;

/// <summary>A curated link between two qualified requirement ids, with strength 1–10 and the reason in our words.</summary>
public sealed record RequirementMapping(
    string SourceId,
    string TargetId,
    Relationship Relationship,
    int Strength,
    string Rationale);

/// <summary>An explicit statement that nothing in <see cref="SourceFrameworkId"/> covers <see cref="TargetId"/>.</summary>
public sealed record NoEquivalent(string TargetId, string SourceFrameworkId, string Reason);
