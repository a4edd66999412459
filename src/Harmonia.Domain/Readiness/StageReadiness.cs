namespace Harmonia.Domain.Readiness;

/// <summary>The checks of one stage and the score they add up to.</summary>
public sealed record StageReadiness(ReadinessStage Stage, IReadOnlyList<ReadinessCheck> Checks)
{
    public int Passed => Checks.Count(c => c.Passed);

    /// <summary>
    /// Share of checks passed, 0–100, rounded down so that a stage with one blocking item never shows 100.
    /// A stage with nothing to check scores 0: there is nothing to show an auditor.
    /// </summary>
    public int Score => Checks.Count == 0 ? 0 : (int)Math.Floor(100.0 * Passed / Checks.Count);

    public bool Ready => Checks.Count > 0 && Passed == Checks.Count;

    public IReadOnlyList<BlockingItem> Blocking => Checks.SelectMany(c => c.Blocking).ToArray();

    /// <summary>The checks grouped by clause in first-seen order, for a page that lists Stage 1 "by clause".</summary>
    public IReadOnlyList<IGrouping<string, ReadinessCheck>> ByClause =>
        Checks.GroupBy(c => c.Clause ?? string.Empty, StringComparer.Ordinal).ToArray();
}

/// <summary>Readiness of one framework, or of the integrated audit when <see cref="FrameworkIds"/> holds both.</summary>
public sealed record FrameworkReadiness(IReadOnlyList<string> FrameworkIds, string Name, StageReadiness Stage1, StageReadiness Stage2);

/// <summary>Per framework and for an integrated audit of all of them.</summary>
public sealed record ReadinessAssessment(IReadOnlyList<FrameworkReadiness> Frameworks, FrameworkReadiness Integrated);
