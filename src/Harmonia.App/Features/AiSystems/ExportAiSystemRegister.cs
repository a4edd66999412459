using Harmonia.App.Common;
using Harmonia.App.Rendering;

namespace Harmonia.App.Features.AiSystems;

/// <summary>
/// One view of the AI system inventory (its filter and order) as CSV or XLSX: the register ISO/IEC 42001 A.4 and A.5
/// ask for, to work with outside Harmonia or hand to an auditor.
/// </summary>
public sealed class ExportAiSystemRegisterHandler(ListAiSystemsHandler list)
{
    /// <summary>Throws InvalidInputException for another format or a filter value that names nothing.</summary>
    public async Task<GeneratedFile> HandleAsync(string format, AiSystemFilter filter, SortOrder? sort, CancellationToken cancellationToken = default)
    {
        var known = format.ToLowerInvariant();
        if (known is not ("xlsx" or "csv"))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["format"] = ["The AI system register is exported as xlsx or csv."] });
        }

        var sheet = Sheet(await list.MatchingAsync(filter, sort, cancellationToken));
        return known == "xlsx"
            ? new GeneratedFile("ai-systems.xlsx", DocumentFiles.XlsxType, XlsxTableWriter.Write([sheet], "AI system register"))
            : new GeneratedFile("ai-systems.csv", "text/csv", CsvTableWriter.Write(sheet));
    }

    // Roles, stage and EU AI Act class are written as the API takes them (tokens), so a row can be sent back as it is.
    private static TabularSheet Sheet(IReadOnlyList<AiSystemDto> systems) => new(
        "AI systems",
        [
            new("Key", 10), new("AI system", 30), new("Purpose", 40), new("AI roles", 24), new("EU AI Act role", 14), new("Life-cycle stage", 14), new("Model type", 16),
            new("Supplier", 20), new("Human oversight", 18), new("Autonomy", 14), new("Affected people", 30), new("Intended use", 30), new("Foreseeable misuse", 30),
            new("EU AI Act class", 14), new("Controls", 20), new("In scope", 8), new("Impact assessment", 14), new("Why", 40),
        ],
        systems.Select(a => (IReadOnlyList<TabularCell>)
        [
            a.Key, a.Name, a.Purpose, string.Join(", ", a.Roles), a.EuAiActRole, a.LifecycleStage, a.ModelType,
            a.Supplier, a.HumanOversight, a.Autonomy, a.AffectedPeople, a.IntendedUse, a.ForeseeableMisuse,
            a.EuAiActClass, string.Join(", ", a.Controls), a.InScope ? "yes" : "no", a.Assessment.Currency.ToString().ToLowerInvariant(), a.Assessment.Reason,
        ]).ToArray());
}
