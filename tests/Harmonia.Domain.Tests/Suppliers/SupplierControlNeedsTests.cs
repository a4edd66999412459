using Harmonia.Domain.Gaps;
using Harmonia.Domain.Suppliers;

namespace Harmonia.Domain.Tests.Suppliers;

public sealed class SupplierControlNeedsTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly SupplierTier Critical = new("critical", "Critical", string.Empty, 12);
    private static readonly ContractClause[] Every = Enum.GetValues<ContractClause>();

    private static SupplierFacts Supplier(string key, string name, SupplierKind kind, ContractClause[] clauses, DateOnly? reviewed, SupplierStatus status = SupplierStatus.Active, bool linkedToAi = false) =>
        new(key, name, kind, status, Critical, [], [new("MSA", new(2025, 1, 1), null, null, clauses)],
            reviewed is { } on ? [new(on, "CISO", ReviewOutcome.Satisfactory, null)] : [], linkedToAi);

    [Fact]
    public void Every_supplier_reviewed_with_the_needed_clauses_satisfies_and_names_them()
    {
        var credits = SupplierControlNeeds.Credits([Supplier("SUP-1", "Nordwolke", SupplierKind.Cloud, Every, new(2026, 5, 1)), Supplier("SUP-2", "Lumen", SupplierKind.ModelProvider, Every, new(2026, 9, 1))], Today);

        Assert.Equal(
            ["iso27001-2022:A.5.19", "iso27001-2022:A.5.20", "iso27001-2022:A.5.21", "iso27001-2022:A.5.22", "iso27001-2022:A.5.23", "iso42001-2023:A.10.2", "iso42001-2023:A.10.3", "iso42001-2023:A.10.4"],
            credits.Select(c => c.RequirementId).ToArray());
        Assert.All(credits.Where(c => c.RequirementId != "iso42001-2023:A.10.4"), c => Assert.Equal(RequirementResult.Satisfied, c.Result));
        Assert.Contains("(SUP-1 Nordwolke, SUP-2 Lumen)", credits[0].Reason, StringComparison.Ordinal);
        Assert.Contains("1 active supplier concerned (SUP-1 Nordwolke)", credits[4].Reason, StringComparison.Ordinal);

        // A.10.4 is about customers: the register supports it but never settles it.
        Assert.Equal(RequirementResult.PartiallySatisfied, credits[^1].Result);
    }

    [Fact]
    public void A_missing_review_or_clause_makes_it_partial_naming_the_supplier_and_what_it_lacks()
    {
        var credits = SupplierControlNeeds.Credits(
        [
            Supplier("SUP-1", "Nordwolke", SupplierKind.Cloud, [ContractClause.Security, ContractClause.Confidentiality], new(2026, 5, 1)),
            Supplier("SUP-2", "DataHaus", SupplierKind.DataProvider, Every, new(2024, 1, 1)),
            Supplier("SUP-3", "Proposed Ltd", SupplierKind.Cloud, [], null, SupplierStatus.Proposed),
        ], Today).ToDictionary(c => c.RequirementId);

        Assert.Equal(RequirementResult.PartiallySatisfied, credits["iso27001-2022:A.5.23"].Result);
        Assert.Contains("SUP-1 Nordwolke (no contract in force with incident notification, sub-processors)", credits["iso27001-2022:A.5.23"].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("SUP-3", credits["iso27001-2022:A.5.23"].Reason, StringComparison.Ordinal);
        Assert.Contains("SUP-2 DataHaus (review overdue since 2025-01-01)", credits["iso42001-2023:A.10.3"].Reason, StringComparison.Ordinal);

        // The ICT supply chain does not concern a data provider; with it the only one reviewed late, A.5.21 names only SUP-1.
        Assert.DoesNotContain("SUP-2", credits["iso27001-2022:A.5.21"].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_active_supplier_of_the_kind_the_register_says_nothing()
    {
        var credits = SupplierControlNeeds.Credits([Supplier("SUP-1", "Office cleaning", SupplierKind.OutsourcedProcess, Every, new(2026, 5, 1))], Today);

        Assert.DoesNotContain(credits, c => c.RequirementId is "iso27001-2022:A.5.21" or "iso27001-2022:A.5.23" || c.RequirementId.StartsWith("iso42001", StringComparison.Ordinal));

        // Linking any supplier to an AI system brings it under the 42001 supplier controls.
        var linked = SupplierControlNeeds.Credits([Supplier("SUP-1", "Labelling BPO", SupplierKind.OutsourcedProcess, Every, new(2026, 5, 1), linkedToAi: true)], Today);
        Assert.Contains(linked, c => c.RequirementId == "iso42001-2023:A.10.3" && c.Result == RequirementResult.Satisfied);
    }
}
