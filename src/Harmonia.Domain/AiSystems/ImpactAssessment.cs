using System.Text.Json.Serialization;

namespace Harmonia.Domain.AiSystems;

public sealed record ImpactDimension(string Id, string Name, ImpactScope Scope);

/// <summary>Whom an impact falls on: 42001 asks for individuals and groups (A.5.4) and society (A.5.5) separately.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImpactScope>))]
public enum ImpactScope
{
    IndividualsAndGroups,
    Society,
}

/// <summary>The dimensions an impact assessment walks through, one finding or more per dimension.</summary>
public static class ImpactDimensions
{
    public static IReadOnlyList<ImpactDimension> All { get; } =
    [
        new("fairness", "Fairness and discrimination", ImpactScope.IndividualsAndGroups),
        new("privacy", "Privacy", ImpactScope.IndividualsAndGroups),
        new("safety", "Safety and health", ImpactScope.IndividualsAndGroups),
        new("autonomy", "Autonomy and human oversight", ImpactScope.IndividualsAndGroups),
        new("transparency", "Transparency", ImpactScope.IndividualsAndGroups),
        new("economic", "Economic", ImpactScope.Society),
        new("societal", "Societal", ImpactScope.Society),
        new("environmental", "Environmental", ImpactScope.Society),
    ];

    public static ImpactDimension? Find(string id) => All.FirstOrDefault(d => d.Id == id);
}

/// <summary>One impact found: what could happen to whom, how bad and how likely, what is done about it and what remains.</summary>
/// <param name="Severity">1 (negligible) to 5 (severe).</param>
/// <param name="Likelihood">1 (rare) to 5 (almost certain).</param>
/// <param name="Controls">Keys of the organization's controls that mitigate it.</param>
/// <param name="Risks">Keys of register risks that track it.</param>
public sealed record ImpactEntry(
    string Dimension,
    string Description,
    string AffectedGroup,
    int Severity,
    int Likelihood,
    string? Mitigation,
    IReadOnlyList<string> Controls,
    IReadOnlyList<string> Risks,
    int ResidualSeverity,
    int ResidualLikelihood);

/// <summary>
/// The facts of an AI system whose change is significant for its impact assessment (purpose, model, data sources,
/// people affected). An assessment keeps the facts it was made for; when the system's facts differ, it is due.
/// </summary>
public sealed record SignificantFacts(string Purpose, string ModelType, string DataSources, string AffectedPeople)
{
    public IReadOnlyList<string> ChangedSince(SignificantFacts assessed)
    {
        var changed = new List<string>();
        void Check(string now, string then, string name)
        {
            if (!string.Equals(Normalize(now), Normalize(then), StringComparison.Ordinal))
            {
                changed.Add(name);
            }
        }

        Check(Purpose, assessed.Purpose, "purpose");
        Check(ModelType, assessed.ModelType, "model");
        Check(DataSources, assessed.DataSources, "data sources");
        Check(AffectedPeople, assessed.AffectedPeople, "people affected");
        return changed;
    }

    // Whitespace and case edits are not a change of the system.
    private static string Normalize(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}

[JsonConverter(typeof(JsonStringEnumConverter<AssessmentCurrency>))]
public enum AssessmentCurrency
{
    /// <summary>No approved assessment exists.</summary>
    Missing,

    /// <summary>Approved, for the system as it is, and before its review date.</summary>
    Current,

    /// <summary>Approved, but the system changed significantly or the review date passed.</summary>
    Due,
}

public sealed record AssessmentStanding(AssessmentCurrency Currency, string Reason);

public static class AssessmentDue
{
    /// <param name="assessed">The facts the latest approved assessment was made for; null when there is none.</param>
    public static AssessmentStanding Evaluate(string systemName, SignificantFacts current, SignificantFacts? assessed, string? label, DateOnly? nextReview, DateOnly today)
    {
        if (assessed is null)
        {
            return new(AssessmentCurrency.Missing, $"'{systemName}' has no approved impact assessment.");
        }

        var changed = current.ChangedSince(assessed);
        if (changed.Count > 0)
        {
            return new(AssessmentCurrency.Due, $"'{systemName}' changed significantly since impact assessment {label} ({string.Join(", ", changed)}): a new assessment is due.");
        }

        if (nextReview is { } review && review < today)
        {
            return new(AssessmentCurrency.Due, $"Impact assessment {label} of '{systemName}' was due for review on {review:yyyy-MM-dd}.");
        }

        return new(AssessmentCurrency.Current, $"'{systemName}': impact assessment {label} approved and current" + (nextReview is { } next ? $" (review by {next:yyyy-MM-dd})." : "."));
    }
}
