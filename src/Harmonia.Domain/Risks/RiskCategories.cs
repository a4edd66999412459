namespace Harmonia.Domain.Risks;

public sealed record RiskCategory(string Id, string Name, bool IsAi);

/// <summary>The built-in categories: information security (C, I, A) and the AI categories 42001 asks organizations to consider.</summary>
public static class RiskCategories
{
    public static IReadOnlyList<RiskCategory> BuiltIn { get; } =
    [
        new("confidentiality", "Confidentiality", false),
        new("integrity", "Integrity", false),
        new("availability", "Availability", false),
        new("fairness", "Fairness and bias", true),
        new("transparency", "Transparency and explainability", true),
        new("societal", "Societal impact", true),
        new("environmental", "Environmental impact", true),
        new("human-oversight", "Human oversight", true),
        new("data-quality", "Data quality", true),
        new("safety", "Safety", true),
        new("robustness", "Robustness", true),
        new("privacy", "Privacy", true),
        new("accountability", "Accountability", true),
    ];

    public static RiskCategory? Find(string id) => BuiltIn.FirstOrDefault(c => c.Id == id);

    /// <summary>
    /// Whether a risk stored with these categories (comma-separated ids) counts for the AI management system
    /// (<paramref name="ai"/> true) or the information-security one; a risk with both kinds counts for both.
    /// </summary>
    public static bool Concerns(string categories, bool ai) => categories.Split(',').Any(c => Find(c)?.IsAi == ai);
}
