using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Harmonia.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Risks;

/// <summary>
/// The risk treatment plan: every risk with its rating, treatment, controls, owner, due date, residual rating and
/// acceptance. XLSX and CSV for working with it, also of one view of the register (its filter and order); DOCX, PDF,
/// Markdown and HTML as the document to approve, always the whole plan, since a plan with risks left out would read as
/// complete.
/// </summary>
public sealed class ExportRiskTreatmentPlanHandler(HarmoniaDbContext db, TenantScope tenant, GetRiskMethodologyHandler methodology, LoadedContent content)
{
    public async Task<GeneratedFile> HandleAsync(string format, CancellationToken cancellationToken = default) => await HandleAsync(format, null, null, null, cancellationToken);

    /// <summary>The view of the register that <paramref name="category"/>, <paramref name="key"/> and <paramref name="sort"/> make, as XLSX or CSV.</summary>
    public async Task<GeneratedFile> HandleAsync(string format, string? category, string? key, SortOrder? sort, CancellationToken cancellationToken = default)
    {
        var view = category is not null || key is not null || sort is not null;
        var spreadsheet = format.ToLowerInvariant() is "xlsx" or "csv";
        if (view && !spreadsheet)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["format"] = ["A view of the register is exported as xlsx or csv; the plan as a document always has every risk."] });
        }

        var current = await methodology.HandleAsync(cancellationToken);
        var (aiSystemKeys, controlKeys) = (await db.AiSystemKeysAsync(cancellationToken), await db.ControlKeysAsync(cancellationToken));
        var accounts = await db.MemberAccountsAsync(cancellationToken);
        var query = ListRisksHandler.Filter(db.Risks.AsNoTracking(), category, key);
        var risks = (await (sort ?? ListRisksHandler.DefaultSort).Apply(query, ListRisksHandler.SortKeys, r => r.Key).Include(r => r.ControlLinks).Include(r => r.AiSystemLinks).AsSplitQuery().ToListAsync(cancellationToken))
            .Select(r => RiskDto.From(r, current.Methodology, aiSystemKeys, controlKeys, accounts)).ToArray();
        var organization = await db.OrganizationNameAsync(tenant.OrganizationId, cancellationToken);
        var name = view ? "risk-register-view" : "risk-treatment-plan";
        return format.ToLowerInvariant() switch
        {
            "xlsx" => new GeneratedFile($"{name}.xlsx", DocumentFiles.XlsxType, XlsxTableWriter.Write([Sheet(risks)], "Risk treatment plan")),
            "csv" => new GeneratedFile($"{name}.csv", "text/csv", CsvTableWriter.Write(Sheet(risks))),
            _ => DocumentFiles.Write(Model(risks, current, organization), DocumentFiles.Parse(format), "risk-treatment-plan", cancellationToken),
        };
    }

    private static string Categories(RiskDto r) => RiskCells.Render(RiskCells.Categories, r);

    private static string Acceptance(RiskDto r) => r.AcceptedBy is null ? string.Empty
        : $"{r.AcceptedBy} until {r.AcceptanceExpiresOn:yyyy-MM-dd}" + (r.TopManagementApprovedBy is { } top ? $"; approved by top management: {top}" : string.Empty);

    private static string PlanApproval(RiskDto r) => r.TreatmentApprovedBy is null ? "not approved by the owner" : $"{r.TreatmentApprovedBy} on {r.TreatmentApprovedUtc:yyyy-MM-dd}";

    private static TabularSheet Sheet(RiskDto[] risks) => new(
        "Risk treatment plan",
        [
            new("Risk", 10), new("Title", 40), new("Categories", 28), new("AI systems", 14), new("Risk sources", 20), new("Inherent L", 10), new("Inherent I", 10), new("Inherent level", 14),
            new("Treatment", 11), new("Controls", 24), new("Residual L", 10), new("Residual I", 10), new("Residual level", 14), new("Owner", 20), new("Due", 12), new("Review", 12), new("Plan approved", 30), new("Accepted", 30),
        ],
        risks.Select(r => (IReadOnlyList<TabularCell>)
        [
            // The text columns are the import's (RiskCells), so the plan's XLSX/CSV can be edited and imported back.
            r.Key, r.Title, Categories(r), RiskCells.Render(RiskCells.AiSystems, r), RiskCells.Render(RiskCells.RiskSources, r),
            TabularCell.Number(r.InherentLikelihood), TabularCell.Number(r.InherentImpact), r.InherentLevel, r.Treatment, RiskCells.Render(RiskCells.Controls, r),
            TabularCell.Number(r.ResidualLikelihood), TabularCell.Number(r.ResidualImpact), r.ResidualLevel, r.Owner, TabularCell.Date(r.DueOn), TabularCell.Date(r.ReviewOn), PlanApproval(r), Acceptance(r),
        ]).ToArray());

    private DocumentModel Model(RiskDto[] risks, MethodologyVersion current, string organization)
    {
        const string id = "risk-treatment-plan";
        var plan = new[] { "iso27001-2022:6.1.3", "iso27001-2022:8.3", "iso42001-2023:6.1.3", "iso42001-2023:8.3" };
        var treated = risks.Count(r => r.Treatment != "accept");
        var blocks = new List<DocumentBlock>
        {
            new DocumentHeading(1, "Purpose"),
            DocumentFiles.Line(id, "purpose", $"This plan lists how {organization} treats each risk of its register for information security and AI, who owns the treatment and by when, and what risk remains.", plan),
            DocumentFiles.Line(id, "method", $"Risks are rated with version {current.Version} of the risk methodology on a {current.Methodology.Size} x {current.Methodology.Size} scale of likelihood and impact.", plan),
            DocumentFiles.Line(id, "figures", $"The register holds {risks.Length} risks; {treated} are mitigated, avoided or transferred and {risks.Length - treated} accepted; {risks.Count(r => r.AcceptedBy is not null)} residual risks are formally accepted.", plan),
            new DocumentHeading(1, "Treatment"),
            DocumentFiles.Table(id, "risks", "Risks, treatments and residual risk.", new DocumentTable(
                ["Risk", "Categories", "Inherent", "Treatment and controls", "Owner and due date", "Residual", "Accepted"],
                risks.Select(r => (IReadOnlyList<string>)
                [
                    $"{r.Key} {r.Title}" + (r.AiSystems.Count > 0 ? $" ({string.Join(", ", r.AiSystems)})" : string.Empty), Categories(r),
                    $"{r.InherentLevel} ({r.InherentLikelihood} x {r.InherentImpact})",
                    r.Treatment + (r.Controls.Count > 0 ? ": " + string.Join(", ", r.Controls) : string.Empty),
                    (r.Owner ?? "no owner") + (r.DueOn is { } due ? $", by {due:yyyy-MM-dd}" : string.Empty),
                    $"{r.ResidualLevel} ({r.ResidualLikelihood} x {r.ResidualImpact})", Acceptance(r) is { Length: > 0 } a ? a : "—",
                ]).ToArray()), plan),
        };
        var info = new DocumentInfo(id, "Risk treatment plan", "Plan", "Confidential", "Risk owner", "top management", "current", "generated",
            null, ["iso27001-2022", "iso42001-2023"], organization);
        return new DocumentModel(info, blocks, DocumentFiles.Addressed(blocks, r => content.Catalog.FindRequirement(r)?.Title ?? r), []);
    }
}
