namespace Harmonia.Domain.Catalogs;

/// <summary>A standard or crosswalk source, e.g. <c>iso42001-2023</c>, with its groups and requirements.</summary>
public sealed record Framework(
    string Id,
    string Name,
    string Title,
    string Publisher,
    IReadOnlyList<RequirementGroup> Groups,
    IReadOnlyList<Requirement> Requirements,
    IReadOnlyList<ReferenceList> ReferenceLists);

public enum GroupKind
{
    Clause,
    Theme,
    Objective,
}

/// <summary>A clause heading, Annex A theme or objective. <see cref="ParentId"/> nests sub-groups (42001 A.6.1 under A.6).</summary>
public sealed record RequirementGroup(string Id, string Title, GroupKind Kind, string? ParentId, double EffortDays);

public enum RequirementKind
{
    Clause,
    Control,
}

/// <summary>
/// One assessable requirement. <see cref="Id"/> is qualified (<c>iso42001-2023:A.5.2</c>); <see cref="Ref"/> is the
/// number inside its framework. <see cref="EffortDays"/> is the person-days to implement it from scratch in a
/// medium-sized organization (see <see cref="Gaps.EffortModel"/>).
/// </summary>
public sealed record Requirement(
    string Id,
    string FrameworkId,
    string Ref,
    string Title,
    string GroupId,
    RequirementKind Kind,
    string Summary,
    string Evidence,
    double EffortDays)
{
    /// <summary>Whom the requirement binds, for a legal framework whose obligations depend on role and risk class (the EU AI Act); null when it binds every organization in scope.</summary>
    public ObligationScope? AppliesTo { get; init; }

    public static string QualifiedId(string frameworkId, string reference) => frameworkId + ":" + reference;
}

/// <summary>An informative list that is shown but never assessed (42001 Annex C objectives and risk sources).</summary>
public sealed record ReferenceList(string Id, string Title, IReadOnlyList<ReferenceItem> Items);

public sealed record ReferenceItem(string Ref, string Title, string Summary);

/// <summary>
/// The operators an obligation binds: any of <see cref="Roles"/> (EU AI Act role tokens) for a system of any of
/// <see cref="Classes"/> (EU AI Act class tokens). <see cref="When"/> is a further condition the inventory cannot
/// answer ("the system interacts directly with natural persons"), shown to the reader rather than guessed.
/// </summary>
public sealed record ObligationScope(IReadOnlyList<string> Roles, IReadOnlyList<string> Classes, string? When);
