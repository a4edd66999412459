using Harmonia.App.Common;
using Harmonia.App.Rendering;

namespace Harmonia.App.Features.Suppliers;

/// <summary>The register as one table: what an auditor samples for A.5.19-A.5.23 and A.10.2-A.10.4 (the audit pack carries it).</summary>
public sealed class ExportSupplierRegisterHandler(SupplierRegister register, ListSuppliersHandler list)
{
    public async Task<TabularSheet> HandleAsync(CancellationToken cancellationToken = default) => Sheet(await register.AllAsync(cancellationToken));

    /// <summary>The register, or the part the filter lets through, as CSV or XLSX; throws InvalidInputException for another format or a wrong filter.</summary>
    public Task<GeneratedFile> FileAsync(string format, SupplierFilter filter, CancellationToken cancellationToken = default) => FileAsync(format, filter, null, cancellationToken);

    /// <summary>The view the filter and <paramref name="sort"/> make, rows in the register's order.</summary>
    public async Task<GeneratedFile> FileAsync(string format, SupplierFilter filter, SortOrder? sort, CancellationToken cancellationToken = default)
    {
        var sheet = Sheet(await list.MatchingAsync(filter, sort, cancellationToken));
        return format.ToLowerInvariant() switch
        {
            "xlsx" => new GeneratedFile("suppliers.xlsx", DocumentFiles.XlsxType, XlsxTableWriter.Write([sheet], "Supplier register")),
            "csv" => new GeneratedFile("suppliers.csv", "text/csv", CsvTableWriter.Write(sheet)),
            _ => throw new InvalidInputException(new Dictionary<string, string[]> { ["format"] = ["The register is exported as csv or xlsx."] }),
        };
    }

    private static TabularSheet Sheet(IReadOnlyList<SupplierDto> suppliers)
    {
        // The columns and their text are the import's (SupplierCells), so an exported file can be edited and imported back.
        string[] fields = [SupplierCells.Key, SupplierCells.Name, SupplierCells.Kind, SupplierCells.Tier, SupplierCells.Status, SupplierCells.Services,
            SupplierCells.DataProcessed, SupplierCells.AiSystems, SupplierCells.Certifications, SupplierCells.Contracts, SupplierCells.Contacts];
        var labels = SupplierCells.Fields.ToDictionary(f => f.Key, f => f.Label);
        return new TabularSheet("Suppliers",
            [.. fields.Select(f => new TabularColumn(labels[f])), new("Last review"), new("Outcome"), new("Next review due"), new("Overdue"), new(labels[SupplierCells.SubProcessors])],
            suppliers.Select(s => (IReadOnlyList<TabularCell>)
            [
                .. fields.Select(f => (TabularCell)SupplierCells.Render(f, s)),
                TabularCell.Date(s.Standing.LastReview?.On), s.Standing.LastReview?.Outcome.ToString(), TabularCell.Date(s.Standing.NextReviewDue),
                string.Join("; ", s.Standing.Due.Where(d => d.Overdue).Select(d => d.What)),
                SupplierCells.Render(SupplierCells.SubProcessors, s),
            ]).ToArray());
    }
}
