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

    // Roles, stages and classes in the words the pages show; the register import reads them back (or the API's tokens),
    // so export -> edit -> import changes exactly the edits (ADR 0022).
    private static readonly (string Field, double Width)[] Columns =
    [
        (AiSystemCells.Key, 10), (AiSystemCells.Name, 30), (AiSystemCells.Purpose, 40), (AiSystemCells.Roles, 30), (AiSystemCells.EuAiActRole, 14),
        (AiSystemCells.LifecycleStage, 18), (AiSystemCells.ModelType, 16), (AiSystemCells.Supplier, 20), (AiSystemCells.HumanOversight, 18),
        (AiSystemCells.Autonomy, 14), (AiSystemCells.AffectedPeople, 30), (AiSystemCells.PeriodOfUse, 30), (AiSystemCells.IntendedUse, 30), (AiSystemCells.ForeseeableMisuse, 30),
        (AiSystemCells.EuAiActClass, 18), (AiSystemCells.Controls, 20), (AiSystemCells.InScope, 8), (AiSystemCells.Assessment, 14), (AiSystemCells.Why, 40),
    ];

    private static TabularSheet Sheet(IReadOnlyList<AiSystemDto> systems) => new(
        "AI systems",
        Columns.Select(c => new TabularColumn(AiSystemCells.Fields.Single(f => f.Key == c.Field).Label, c.Width)).ToArray(),
        systems.Select(a => (IReadOnlyList<TabularCell>)Columns.Select(c => (TabularCell)AiSystemCells.Render(c.Field, a)).ToArray()).ToArray());
}
