using System.Globalization;
using Harmonia.App.Features.Interop;
using Harmonia.Domain.Risks;

namespace Harmonia.App.Features.Risks;

/// <summary>
/// The risk register's columns as text, written by the treatment plan's XLSX/CSV and read back by the import, in one
/// place so an exported plan imports into the register it came from with nothing changed.
/// </summary>
public static class RiskCells
{
    public const string Key = "key";
    public const string Title = "title";
    public const string Description = "description";
    public const string Categories = "categories";
    public const string AiSystems = "aiSystems";
    public const string RiskSources = "riskSources";
    public const string InherentLikelihood = "inherentLikelihood";
    public const string InherentImpact = "inherentImpact";
    public const string Treatment = "treatment";
    public const string Controls = "controls";
    public const string ResidualLikelihood = "residualLikelihood";
    public const string ResidualImpact = "residualImpact";
    public const string Owner = "owner";
    public const string DueOn = "dueOn";
    public const string ReviewOn = "reviewOn";
    public const string Assets = "assets";

    private const string SourcePrefix = "iso42001-2023:";

    public static IReadOnlyList<ImportField> Fields { get; } =
    [
        new(Key, "Risk", ["key", "risk id", "id", "ref", "reference"], Hint: "The risk's key, e.g. R-12: a key in the register updates that risk, a new one adds a risk."),
        new(Title, "Title", ["risk title", "name", "risk name", "summary"], Hint: "Required for a new risk."),
        new(Description, "Description", ["details", "scenario"]),
        new(Categories, "Categories", ["category", "risk category"], Hint: "Category names or ids separated by commas, e.g. Confidentiality, Fairness and bias."),
        new(AiSystems, "AI systems", ["ai system"]),
        new(RiskSources, "Risk sources", ["risk source", "sources"], Hint: "ISO/IEC 42001 Annex C sources separated by commas, e.g. C.3.4."),
        new(InherentLikelihood, "Inherent L", ["inherent likelihood", "likelihood", "probability"], Hint: "A level of the methodology's scale: its number or its name."),
        new(InherentImpact, "Inherent I", ["inherent impact", "impact", "consequence"]),
        new(Treatment, "Treatment", ["treatment option", "response"], Hint: "mitigate, accept, avoid or transfer; a mitigated risk names its controls."),
        new(Controls, "Controls", ["control", "mitigating controls"], Hint: "Control keys separated by commas."),
        new(ResidualLikelihood, "Residual L", ["residual likelihood"]),
        new(ResidualImpact, "Residual I", ["residual impact"]),
        new(Owner, "Owner", ["risk owner"]),
        new(DueOn, "Due", ["due date", "due on", "target date"], Hint: "yyyy-mm-dd."),
        new(ReviewOn, "Review", ["review date", "next review"]),
        new(Assets, "Assets", ["asset", "affected assets"]),
        new("inherentLevel", "Inherent level", [], ReadOnly: true),
        new("residualLevel", "Residual level", [], ReadOnly: true),
        new("planApproved", "Plan approved", [], ReadOnly: true),
        new("accepted", "Accepted", [], ReadOnly: true),
    ];

    public static string Render(string field, RiskDto r) => field switch
    {
        Key => r.Key,
        Title => r.Title,
        Description => r.Description ?? string.Empty,
        Categories => string.Join(", ", r.Categories.Select(c => RiskCategories.Find(c)?.Name ?? c)),
        AiSystems => string.Join(", ", r.AiSystems),
        RiskSources => string.Join(", ", r.RiskSources.Select(s => s.Replace(SourcePrefix, string.Empty, StringComparison.Ordinal))),
        InherentLikelihood => Number(r.InherentLikelihood),
        InherentImpact => Number(r.InherentImpact),
        Treatment => r.Treatment,
        Controls => string.Join(", ", r.Controls),
        ResidualLikelihood => Number(r.ResidualLikelihood),
        ResidualImpact => Number(r.ResidualImpact),
        Owner => r.Owner ?? string.Empty,
        DueOn => r.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        ReviewOn => r.ReviewOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        Assets => r.Assets ?? string.Empty,
        _ => string.Empty,
    };

    /// <summary>A rating as the number of its level or the level's name on the organization's scale ("3" or "Possible").</summary>
    public static int? Rating(string text, IReadOnlyList<ScaleLevel> scale, List<string> problems)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= scale.Count)
        {
            return number;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real == Math.Floor(real) && real >= 1 && real <= scale.Count)
        {
            return (int)real;
        }

        if (scale.FirstOrDefault(l => string.Equals(l.Name, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } level)
        {
            return level.Value;
        }

        problems.Add($"'{text}' is not one of 1–{scale.Count} or {scale[0].Name}..{scale[^1].Name}.");
        return null;
    }

    /// <summary>Category names as the export writes them, or their ids; an unknown one is passed on for the save to name.</summary>
    public static IReadOnlyList<string> ParseCategories(string text) =>
        List(text).Select(c => RiskCategories.BuiltIn.FirstOrDefault(b => string.Equals(b.Name, c, StringComparison.OrdinalIgnoreCase) || string.Equals(b.Id, c, StringComparison.OrdinalIgnoreCase))?.Id ?? c).ToArray();

    /// <summary>Annex C sources with or without the framework prefix the export leaves out ("C.3.4").</summary>
    public static IReadOnlyList<string> ParseSources(string text) =>
        List(text).Select(s => s.Contains(':', StringComparison.Ordinal) ? s : SourcePrefix + s).ToArray();

    public static IReadOnlyList<string> List(string text) =>
        text.Replace(';', ',').Replace('\n', ',').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
