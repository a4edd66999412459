using Harmonia.App.Common;
using Harmonia.App.Rendering;

namespace Harmonia.App.Features.Evidence;

/// <summary>One view of the evidence list (its freshness, search and order) as CSV or XLSX: the current version of each item, where it is and until when it holds.</summary>
public sealed class ExportEvidenceListHandler(ListEvidenceHandler list)
{
    /// <summary>Throws InvalidInputException for a format other than xlsx or csv.</summary>
    public async Task<GeneratedFile> HandleAsync(string format, EvidenceFreshness freshness, string? search, SortOrder? sort, CancellationToken cancellationToken = default)
    {
        var known = format.ToLowerInvariant();
        if (known is not ("xlsx" or "csv"))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["format"] = ["The evidence list is exported as xlsx or csv."] });
        }

        var items = await list.MatchingAsync(null, freshness, search, sort, cancellationToken);
        var sheet = new TabularSheet(
            "Evidence",
            [new("Control", 10), new("Evidence", 40), new("Kind", 10), new("Version", 8), new("Effective", 12), new("Expires", 12), new("File or link", 40), new("SHA-256", 20)],
            items.Select(e => (IReadOnlyList<TabularCell>)
            [
                e.ControlKey, e.Title, e.Current.Kind, TabularCell.Number(e.Current.Number), TabularCell.Date(e.Current.EffectiveOn), TabularCell.Date(e.Current.ExpiresOn),
                e.Current.FileName ?? e.Current.Url, e.Current.Sha256,
            ]).ToArray());
        return known == "xlsx"
            ? new GeneratedFile("evidence.xlsx", DocumentFiles.XlsxType, XlsxTableWriter.Write([sheet], "Evidence"))
            : new GeneratedFile("evidence.csv", "text/csv", CsvTableWriter.Write(sheet));
    }
}
