using Harmonia.App.Features.Interop;
using Harmonia.Domain.AiSystems;

namespace Harmonia.App.Features.AiSystems;

/// <summary>
/// The AI system register's columns as text, written by its XLSX/CSV export and read back by its import, in one place
/// so an exported register imports into the one it came from with nothing changed (ADR 0022). The fixed choices are
/// written in the words the pages show (<see cref="AiSystemWords"/>); the import reads those words or the API's tokens.
/// </summary>
public static class AiSystemCells
{
    public const string Key = "key";
    public const string Name = "name";
    public const string Purpose = "purpose";
    public const string Roles = "roles";
    public const string EuAiActRole = "euAiActRole";
    public const string LifecycleStage = "lifecycleStage";
    public const string ModelType = "modelType";
    public const string Supplier = "supplier";
    public const string HumanOversight = "humanOversight";
    public const string Autonomy = "autonomy";
    public const string AffectedPeople = "affectedPeople";
    public const string PeriodOfUse = "periodOfUse";
    public const string IntendedUse = "intendedUse";
    public const string ForeseeableMisuse = "foreseeableMisuse";
    public const string EuAiActClass = "euAiActClass";
    public const string Controls = "controls";
    public const string InScope = "inScope";
    public const string Assessment = "assessment";
    public const string Why = "why";

    public static IReadOnlyList<ImportField> Fields { get; } =
    [
        new(Key, "Key", ["ai system key", "system key", "id", "ref", "reference"], Hint: "The system's key, e.g. AI-03: a key in the register updates that system, a new one adds a system."),
        new(Name, "AI system", ["system", "system name", "ai system name"], Hint: "Required for a new system."),
        new(Purpose, "Purpose", ["description"]),
        new(Roles, "AI roles", ["ai role", "role", "iso 22989 roles"], Hint: $"One or more ISO/IEC 22989 roles separated by commas, by name or token: {string.Join(", ", AiRoles.All.Select(r => r.Name))}."),
        new(EuAiActRole, "EU AI Act role", ["eu role", "operator role"], Hint: $"{string.Join(", ", AiRoles.EuAiAct.Select(r => r.Name))}; empty when not recorded."),
        new(LifecycleStage, "Life-cycle stage", ["stage", "lifecycle"], Hint: AiSystemWords.List(AiSystemWords.Stages) + "."),
        new(ModelType, "Model type", ["model"]),
        new(Supplier, "Supplier", ["vendor"]),
        new(HumanOversight, "Human oversight", ["oversight"], Hint: AiSystemWords.List(AiSystemWords.OversightModes) + "."),
        new(Autonomy, "Autonomy", ["autonomy level"], Hint: AiSystemWords.List(AiSystemWords.AutonomyLevels) + "."),
        new(AffectedPeople, "Affected people", ["people affected", "affected"]),
        new(PeriodOfUse, "Period and frequency of use", ["period of use", "frequency of use", "period"]),
        new(IntendedUse, "Intended use", ["use"]),
        new(ForeseeableMisuse, "Foreseeable misuse", ["misuse"]),
        new(EuAiActClass, "EU AI Act class", ["eu ai act", "risk class", "eu class"], Hint: AiSystemWords.List(AiSystemWords.EuAiActClasses) + "."),
        new(Controls, "Controls", ["control"], Hint: "Control keys separated by commas."),
        new(InScope, "In scope", ["scope"], Hint: "Yes (when empty) or No."),
        new(Assessment, "Impact assessment", [], ReadOnly: true),
        new(Why, "Why", [], ReadOnly: true),
    ];

    /// <summary>The cell the export writes for the field.</summary>
    public static string Render(string field, AiSystemDto a) => field switch
    {
        Key => a.Key,
        Name => a.Name,
        Purpose => a.Purpose ?? string.Empty,
        Roles => AiRoles.Describe(a.Roles),
        EuAiActRole => AiRoles.DescribeEuAiAct(a.EuAiActRole),
        LifecycleStage => AiSystemWords.Stage(a.LifecycleStage),
        ModelType => a.ModelType ?? string.Empty,
        Supplier => a.Supplier ?? string.Empty,
        HumanOversight => AiSystemWords.Oversight(a.HumanOversight),
        Autonomy => AiSystemWords.Autonomy(a.Autonomy),
        AffectedPeople => a.AffectedPeople ?? string.Empty,
        PeriodOfUse => a.PeriodOfUse ?? string.Empty,
        IntendedUse => a.IntendedUse ?? string.Empty,
        ForeseeableMisuse => a.ForeseeableMisuse ?? string.Empty,
        EuAiActClass => AiSystemWords.EuAiActClass(a.EuAiActClass),
        Controls => string.Join(", ", a.Controls),
        InScope => a.InScope ? "Yes" : "No",
        Assessment => a.Assessment.Currency switch
        {
            AssessmentCurrency.Current => "Current",
            AssessmentCurrency.Due => "Due for review",
            _ => "Missing",
        },
        Why => a.Assessment.Reason,
        _ => string.Empty,
    };

    /// <summary>
    /// Whether a cell says something other than what the register holds: its text differs from the export's, and for
    /// a choice, a list or yes/no, it also reads as a different value (a token for the same choice changes nothing).
    /// </summary>
    public static bool Differs(string field, string cell, AiSystemDto a)
    {
        if (cell == ImportColumns.Same(Render(field, a)))
        {
            return false;
        }

        var problems = new List<string>();
        return field switch
        {
            Roles => !ParseRoles(cell, problems).SequenceEqual(AiRoles.Normalize(a.Roles)) || problems.Count > 0,
            EuAiActRole => ParseEuAiActRole(cell, problems) != a.EuAiActRole || problems.Count > 0,
            LifecycleStage => ParseChoice(cell, AiSystemWords.Stages, problems) != a.LifecycleStage || problems.Count > 0,
            HumanOversight => ParseChoice(cell, AiSystemWords.OversightModes, problems) != a.HumanOversight || problems.Count > 0,
            Autonomy => ParseChoice(cell, AiSystemWords.AutonomyLevels, problems) != a.Autonomy || problems.Count > 0,
            EuAiActClass => ParseChoice(cell, AiSystemWords.EuAiActClasses, problems) != a.EuAiActClass || problems.Count > 0,
            Controls => !List(cell).SequenceEqual(a.Controls, StringComparer.OrdinalIgnoreCase),
            InScope => ParseInScope(cell, problems) != a.InScope || problems.Count > 0,
            _ => true,
        };
    }

    /// <summary>
    /// Roles by their ISO/IEC 22989 names as the page and the export write them ("AI developer (AI producer)": the
    /// group in brackets is left aside) or by their tokens (ai-developer), separated by commas or ';'.
    /// </summary>
    public static IReadOnlyList<string> ParseRoles(string text, List<string> problems)
    {
        var tokens = new List<string>();
        foreach (var item in List(text))
        {
            var bracket = item.IndexOf('(', StringComparison.Ordinal);
            var name = ImportColumns.Normalize(bracket > 0 ? item[..bracket] : item);
            if (AiRoles.All.FirstOrDefault(r => ImportColumns.Normalize(r.Name) == name || ImportColumns.Normalize(r.Token) == name) is { } role)
            {
                tokens.Add(role.Token);
            }
            else
            {
                problems.Add($"'{item}' is not an AI role; the roles are {string.Join(", ", AiRoles.All.Select(r => r.Name))}.");
            }
        }

        return AiRoles.Normalize(tokens);
    }

    /// <summary>An EU AI Act role by its name or token; null for an empty cell (not recorded).</summary>
    public static string? ParseEuAiActRole(string text, List<string> problems)
    {
        if (text.Trim().Length == 0)
        {
            return null;
        }

        var name = ImportColumns.Normalize(text);
        var role = AiRoles.EuAiAct.FirstOrDefault(r => ImportColumns.Normalize(r.Name) == name || ImportColumns.Normalize(r.Token) == name);
        if (role is null)
        {
            problems.Add($"'{text.Trim()}' is not an EU AI Act role; the roles are {string.Join(", ", AiRoles.EuAiAct.Select(r => r.Name))} (or leave it empty).");
        }

        return role?.Token;
    }

    /// <summary>One of the choices by its words or its token; null for an empty cell (not recorded).</summary>
    public static string? ParseChoice(string text, IReadOnlyList<(string Token, string Label)> choices, List<string> problems)
    {
        if (text.Trim().Length == 0)
        {
            return null;
        }

        var token = AiSystemWords.Token(choices, text);
        if (token is null)
        {
            problems.Add($"'{text.Trim()}' is not one of: {AiSystemWords.List(choices)} (or leave it empty).");
        }

        return token;
    }

    /// <summary>Yes or No (also true/false, y/n, in scope/out of scope); an empty cell is in scope, as on the form.</summary>
    public static bool ParseInScope(string text, List<string> problems)
    {
        switch (ImportColumns.Normalize(text))
        {
            case "" or "yes" or "y" or "true" or "inscope":
                return true;
            case "no" or "n" or "false" or "outofscope":
                return false;
            default:
                problems.Add($"'{text.Trim()}' is not Yes or No.");
                return true;
        }
    }

    public static IReadOnlyList<string> List(string text) =>
        text.Replace(';', ',').Replace('\n', ',').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
