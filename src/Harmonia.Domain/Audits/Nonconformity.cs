using System.Text.Json.Serialization;

namespace Harmonia.Domain.Audits;

/// <summary>Where a nonconformity stands in the corrective-action process (10.2).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NonconformityState>))]
public enum NonconformityState
{
    Open,

    /// <summary>The immediate fix is done (optional: some nonconformities have nothing to contain).</summary>
    CorrectionDone,
    RootCauseAnalysed,
    ActionsPlanned,
    ActionsDone,
    EffectivenessVerified,
    Closed,
}

/// <summary>One action against the root cause, with who does it by when.</summary>
public sealed record CorrectiveAction(string Id, string Description, string Owner, DateOnly Due, DateOnly? DoneOn = null)
{
    public bool Done => DoneOn is not null;

    public bool IsOverdue(DateOnly today) => !Done && Due < today;
}

/// <summary>
/// A 5-whys aid: each answer explains the one before it, so the last answer is the root cause. Five is where the
/// method stops; fewer is fine once the cause is one the organization can act on.
/// </summary>
public sealed record RootCauseAnalysis(IReadOnlyList<string> Whys, DateOnly On)
{
    public const int MaximumWhys = 5;

    public string RootCause => Whys[^1];
}

/// <param name="Effective">False sends the nonconformity back to planning: the cause was not removed.</param>
public sealed record EffectivenessCheck(bool Effective, string Note, string VerifiedBy, DateOnly On);

/// <summary>A nonconformity raised by an audit finding (or anywhere else), and everything done about it.</summary>
/// <param name="Id">The number people quote ("NC-7").</param>
/// <param name="RequirementIds">The requirements it is raised against (both for a harmonized clause).</param>
/// <param name="Source">Where it was raised ("internal audit 2026-05").</param>
/// <param name="Correction">The immediate fix, if one was needed.</param>
/// <param name="Reopened">How often it was reopened after closure.</param>
public sealed record Nonconformity(
    string Id,
    FindingGrade Grade,
    IReadOnlyList<string> RequirementIds,
    string Source,
    string Text,
    DateOnly RaisedOn,
    NonconformityState State = NonconformityState.Open,
    string? Correction = null,
    RootCauseAnalysis? RootCause = null,
    IReadOnlyList<CorrectiveAction>? Actions = null,
    EffectivenessCheck? Effectiveness = null,
    DateOnly? ClosedOn = null,
    int Reopened = 0)
{
    public IReadOnlyList<CorrectiveAction> Actions { get; init; } = Actions ?? [];

    public bool IsOpen => State != NonconformityState.Closed;

    public bool IsOpenMajor => IsOpen && Grade == FindingGrade.MajorNonconformity;
}
