namespace Harmonia.Domain.Risks;

/// <param name="Value">1 to the scale's size.</param>
public sealed record ScaleLevel(int Value, string Name, string Description);

/// <summary>A band of scores (likelihood x impact) with a name and a colour, e.g. High 10-16, orange.</summary>
public sealed record RiskLevel(string Name, int MinScore, int MaxScore, string Colour);

/// <summary>
/// One organization's way of rating risks, for information security and AI alike (6.1.2 of both standards):
/// likelihood and impact scales, risk levels, who may accept what, and the AI risks never accepted (42001 6.1.1).
/// </summary>
/// <param name="OwnerMayAccept">The highest level a risk owner may accept alone; above it a top-management member who did not assess the risk must approve first.</param>
public sealed record RiskMethodology(
    IReadOnlyList<ScaleLevel> Likelihood,
    IReadOnlyList<ScaleLevel> Impact,
    IReadOnlyList<RiskLevel> Levels,
    string OwnerMayAccept,
    IReadOnlyList<string> UnacceptableAiRisks)
{
    /// <summary>The 5 x 5 default: bands Low 1-4, Medium 5-9, High 10-16, Critical 20-25.</summary>
    public static RiskMethodology Default { get; } = new(
        [
            new(1, "Rare", "Not expected within five years."),
            new(2, "Unlikely", "Could happen once in three to five years."),
            new(3, "Possible", "Could happen once in one to three years."),
            new(4, "Likely", "Expected within a year."),
            new(5, "Almost certain", "Expected several times a year, or already happening."),
        ],
        [
            new(1, "Negligible", "No noticeable effect on people, customers or operations."),
            new(2, "Minor", "Limited, short effect; handled within normal work."),
            new(3, "Moderate", "Noticeable harm to some people or customers, or a breach of contract."),
            new(4, "Major", "Serious harm to people or many customers, regulatory action, lasting outage."),
            new(5, "Severe", "Irreversible harm to people, or a threat to the organization's existence."),
        ],
        [
            new("Low", 1, 4, "#2e7d32"),
            new("Medium", 5, 9, "#f9a825"),
            new("High", 10, 16, "#ef6c00"),
            new("Critical", 17, 25, "#c62828"),
        ],
        "Medium",
        []);

    public int Size => Likelihood.Count;

    public RiskLevel LevelOf(int likelihood, int impact)
    {
        var score = likelihood * impact;
        return Levels.First(l => score >= l.MinScore && score <= l.MaxScore);
    }

    /// <summary>Whether a risk owner's approver may accept a residual risk of this level (higher levels need top management).</summary>
    public bool OwnerMayAcceptLevel(RiskLevel level) =>
        Levels.ToList().FindIndex(l => l.Name == level.Name) <= Levels.ToList().FindIndex(l => l.Name == OwnerMayAccept);

    /// <returns>Every problem; empty when the methodology is usable.</returns>
    public IReadOnlyList<string> Problems()
    {
        // A JSON body that leaves out a list or sends null in one binds to nulls here; they are refused, not dereferenced.
        if (Likelihood is null || Impact is null || Levels is null || UnacceptableAiRisks is null
            || Likelihood.Concat(Impact).Any(l => l is null) || Levels.Any(l => l is null) || OwnerMayAccept is null)
        {
            return ["The methodology needs likelihood, impact and levels (each a list of levels), ownerMayAccept and unacceptableAiRisks."];
        }

        var problems = new List<string>();
        if (Likelihood.Count is < 3 or > 7 || Impact.Count != Likelihood.Count)
        {
            problems.Add("Likelihood and impact need the same number of levels, 3 to 7.");
        }

        foreach (var (scale, name) in new[] { (Likelihood, "likelihood"), (Impact, "impact") })
        {
            if (!scale.Select(l => l.Value).SequenceEqual(Enumerable.Range(1, scale.Count)) || scale.Any(l => string.IsNullOrWhiteSpace(l.Name)))
            {
                problems.Add($"The {name} levels must be numbered 1, 2, 3 ... and named.");
            }
        }

        var max = Likelihood.Count * Impact.Count;
        var covered = Enumerable.Range(1, Math.Max(1, max)).All(score => Levels.Count(l => score >= l.MinScore && score <= l.MaxScore) == 1);
        if (!covered)
        {
            problems.Add($"The risk levels must cover every score from 1 to {max} exactly once.");
        }

        // Names and colours reach every member's risks page and the exports: bounded text and a colour in one
        // strict notation, so nothing a methodology holds can be read as markup or CSS.
        var names = Likelihood.Select(l => l.Name).Concat(Impact.Select(l => l.Name)).Concat(Levels.Select(l => l.Name));
        if (names.Any(n => n is null || n.Trim().Length is 0 or > 40 || n.Any(char.IsControl)))
        {
            problems.Add("Every level name needs 1 to 40 characters, without line breaks or control characters.");
        }

        if (Likelihood.Concat(Impact).Any(l => l.Description is { Length: > 500 }))
        {
            problems.Add("Level descriptions are limited to 500 characters.");
        }

        if (Levels.Any(l => !IsHexColour(l.Colour)))
        {
            problems.Add("Each risk level's colour must be written #rrggbb or #rgb, e.g. #c0392b.");
        }

        if (Levels.Select(l => l.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Levels.Count)
        {
            problems.Add("Risk level names must differ from each other.");
        }

        if (Levels.All(l => l.Name != OwnerMayAccept))
        {
            problems.Add($"'{OwnerMayAccept}' is not one of the risk levels.");
        }

        return problems;
    }

    private static bool IsHexColour(string? colour) =>
        colour is { Length: 4 or 7 } && colour[0] == '#' && colour.Skip(1).All(char.IsAsciiHexDigit);
}
