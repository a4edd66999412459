using Harmonia.App.Common;
using Harmonia.App.Rendering;
using Harmonia.Domain.Audits;

namespace Harmonia.App.Features.Audits;

/// <summary>
/// One view of the nonconformities (all, or those not closed, in the order asked for) as CSV or XLSX, with where each
/// stands in corrective action (ISO 27001 and ISO 42001 clause 10.2): correction, root cause, actions, effectiveness.
/// </summary>
public sealed class ExportNonconformitiesHandler(ListNonconformitiesHandler list)
{
    /// <summary>Throws InvalidInputException for a format other than xlsx or csv.</summary>
    public async Task<GeneratedFile> HandleAsync(string format, bool open, SortOrder? sort, CancellationToken cancellationToken = default)
    {
        var known = format.ToLowerInvariant();
        if (known is not ("xlsx" or "csv"))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["format"] = ["The nonconformities are exported as xlsx or csv."] });
        }

        var sheet = Sheet(await list.MatchingAsync(open, sort, cancellationToken));
        return known == "xlsx"
            ? new GeneratedFile("nonconformities.xlsx", DocumentFiles.XlsxType, XlsxTableWriter.Write([sheet], "Nonconformities"))
            : new GeneratedFile("nonconformities.csv", "text/csv", CsvTableWriter.Write(sheet));
    }

    private static TabularSheet Sheet(IReadOnlyList<NonconformityDto> nonconformities) => new(
        "Nonconformities",
        [
            new("Key", 10), new("Grade", 22), new("Finding", 50), new("Requirements", 30), new("State", 20), new("Source", 24), new("Raised on", 12),
            new("Correction", 30), new("Root cause", 30), new("Corrective actions", 40), new("Effective", 10), new("Closed on", 12),
        ],
        nonconformities.Select(n =>
        {
            var nc = n.Nonconformity;
            return (IReadOnlyList<TabularCell>)
            [
                n.Key, nc.Grade.ToLabel(), nc.Text, string.Join(", ", nc.RequirementIds), n.StateLabel, nc.Source, TabularCell.Date(nc.RaisedOn),
                nc.Correction, nc.RootCause?.RootCause, string.Join("; ", nc.Actions.Select(a => $"{a.Description} ({a.Owner}, due {a.Due:yyyy-MM-dd}{(a.Done ? ", done" : string.Empty)})")),
                nc.Effectiveness is { } e ? (e.Effective ? "yes" : "no") : null, TabularCell.Date(nc.ClosedOn),
            ];
        }).ToArray());
}
