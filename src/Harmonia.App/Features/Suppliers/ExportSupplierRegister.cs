using Harmonia.App.Common;
using Harmonia.App.Rendering;
using Harmonia.Domain.Suppliers;

namespace Harmonia.App.Features.Suppliers;

/// <summary>The register as one table: what an auditor samples for A.5.19-A.5.23 and A.10.2-A.10.4 (the audit pack carries it).</summary>
public sealed class ExportSupplierRegisterHandler(SupplierRegister register, ListSuppliersHandler list)
{
    public async Task<TabularSheet> HandleAsync(CancellationToken cancellationToken = default) => Sheet(await register.AllAsync(cancellationToken));

    /// <summary>The register, or the part the filter lets through, as CSV or XLSX; throws InvalidInputException for another format or a wrong filter.</summary>
    public async Task<GeneratedFile> FileAsync(string format, SupplierFilter filter, CancellationToken cancellationToken = default)
    {
        var sheet = Sheet(await list.MatchingAsync(filter, cancellationToken));
        return format.ToLowerInvariant() switch
        {
            "xlsx" => new GeneratedFile("suppliers.xlsx", DocumentFiles.XlsxType, XlsxTableWriter.Write([sheet], "Supplier register")),
            "csv" => new GeneratedFile("suppliers.csv", "text/csv", CsvTableWriter.Write(sheet)),
            _ => throw new InvalidInputException(new Dictionary<string, string[]> { ["format"] = ["The register is exported as csv or xlsx."] }),
        };
    }

    private static TabularSheet Sheet(IReadOnlyList<SupplierDto> suppliers)
    {
        return new TabularSheet("Suppliers",
            [new("Supplier"), new("Name"), new("Kind"), new("Tier"), new("Status"), new("Services"), new("Data processed"), new("AI systems"), new("Certifications"),
                new("Contracts and clauses"), new("Last review"), new("Outcome"), new("Next review due"), new("Overdue"), new("Sub-processors")],
            suppliers.Select(s => (IReadOnlyList<TabularCell>)
            [
                s.Key, s.Name, s.Kind.ToLabel(), s.Tier.Name, s.Status.ToString(), s.Services, s.DataProcessed,
                string.Join("; ", s.AiSystems.Select(a => $"{a.Key} ({a.Role})")),
                string.Join("; ", s.Certifications.Select(c => SupplierStanding.CertificationName(c) + (c.Expires is { } e ? $" until {e:yyyy-MM-dd}" : string.Empty))),
                string.Join("; ", s.Contracts.Select(c => $"{c.Title}: {string.Join(", ", c.Clauses.Select(x => x.ToLabel()))}")),
                TabularCell.Date(s.Standing.LastReview?.On), s.Standing.LastReview?.Outcome.ToString(), TabularCell.Date(s.Standing.NextReviewDue),
                string.Join("; ", s.Standing.Due.Where(d => d.Overdue).Select(d => d.What)),
                string.Join(", ", s.SubProcessors),
            ]).ToArray());
    }
}
