using System.Globalization;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Harmonia.Domain.Documents;
using Harmonia.Domain.Readiness;

namespace Harmonia.App.Features.Readiness;

/// <summary>The roadmap as XLSX or CSV (one row per task) or as a plan document (DOCX, PDF, Markdown, HTML).</summary>
public sealed class ExportRoadmapHandler(HarmoniaDbContext db, PlanRoadmapHandler plan, LoadedContent content)
{
    public async Task<GeneratedFile> HandleAsync(Guid organizationId, string format, CancellationToken cancellationToken = default)
    {
        var roadmap = await plan.HandleAsync(organizationId, cancellationToken: cancellationToken);
        var organization = await db.OrganizationNameAsync(organizationId, cancellationToken);
        return format.ToLowerInvariant() switch
        {
            "xlsx" => new GeneratedFile("roadmap.xlsx", DocumentFiles.XlsxType, XlsxTableWriter.Write([Sheet(roadmap)], "Certification roadmap")),
            "csv" => new GeneratedFile("roadmap.csv", "text/csv", CsvTableWriter.Write(Sheet(roadmap))),
            _ => DocumentFiles.Write(Model(roadmap, organization), DocumentFiles.Parse(format), "roadmap", cancellationToken),
        };
    }

    private static string Days(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static TabularSheet Sheet(RoadmapPlan plan) => new(
        "Roadmap",
        [new("Step", 6), new("Task", 40), new("Owner", 24), new("Effort (person-days)", 12), new("Depends on", 24), new("Start", 12), new("End", 12), new("Working days", 10), new("Requirements", 50)],
        plan.Tasks.Select(t => (IReadOnlyList<TabularCell>)
        [
            TabularCell.Number((int)t.Step), t.Name, t.Owner ?? t.OwnerRole, TabularCell.Number(t.EffortPersonDays), string.Join(", ", t.DependsOn),
            TabularCell.Date(t.Start), TabularCell.Date(t.End), TabularCell.Number(t.WorkingDays), string.Join(", ", t.RequirementIds),
        ]).ToArray());

    private DocumentModel Model(RoadmapPlan plan, string organization)
    {
        const string id = "roadmap";
        var blocks = new List<DocumentBlock>
        {
            new DocumentHeading(1, "Plan"),
            DocumentFiles.Line(id, "summary", $"From {plan.Start:yyyy-MM-dd} to {plan.End:yyyy-MM-dd} ({Days(plan.TotalMonths)} months): {Days(plan.TotalEffortPersonDays)} person-days of work at a team capacity of {Days(plan.TeamCapacityFte)} full-time equivalents."),
            DocumentFiles.Line(id, "basis", plan.BaselineFirst
                ? "Too little of ISO/IEC 27001 is in place, so the plan builds it first and adds ISO/IEC 42001 on top."
                : "The plan builds ISO/IEC 42001 on the organization's ISO/IEC 27001 management system; effort comes from the open requirements of the gap analysis."),
            new DocumentHeading(1, "Tasks"),
            DocumentFiles.Table(id, "tasks", "Tasks with owners, effort, dependencies and dates.", new DocumentTable(
                ["Task", "Owner", "Effort", "Depends on", "Dates"],
                plan.Tasks.Select(t => (IReadOnlyList<string>)
                [
                    t.Name, t.Owner ?? t.OwnerRole, Days(t.EffortPersonDays) + " person-days", t.DependsOn.Count == 0 ? "—" : string.Join(", ", t.DependsOn),
                    $"{t.Start:yyyy-MM-dd} to {t.End:yyyy-MM-dd}",
                ]).ToArray())),
        };
        var info = new DocumentInfo(id, "Certification roadmap", "Plan", "Internal", "ISMS/AIMS manager", "top management", "current", "generated", null, ["iso27001-2022", "iso42001-2023"], organization);
        return new DocumentModel(info, blocks, DocumentFiles.Addressed(blocks, r => content.Catalog.FindRequirement(r)?.Title ?? r), []);
    }
}
