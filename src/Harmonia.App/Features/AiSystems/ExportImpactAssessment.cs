using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Harmonia.Domain.AiSystems;
using Harmonia.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>One version of an AI system impact assessment as a document (DOCX, PDF, Markdown, HTML).</summary>
public sealed class ExportImpactAssessmentHandler(HarmoniaDbContext db, TenantScope tenant, GetImpactAssessmentHandler get, LoadedContent content)
{
    private const string Aims = "iso42001-2023:";

    /// <summary>Throws NotFoundException when the organization has no such assessment.</summary>
    public async Task<GeneratedFile> HandleAsync(Guid aiSystemId, int number, string format, CancellationToken cancellationToken = default)
    {
        var assessment = await get.HandleAsync(aiSystemId, number, cancellationToken);
        var system = await db.AiSystems.AsNoTracking().SingleOrDefaultAsync(a => a.Id == aiSystemId, cancellationToken);
        if (assessment is null || system is null)
        {
            throw new NotFoundException("impact assessment");
        }

        var organization = await db.OrganizationNameAsync(tenant.OrganizationId, cancellationToken);
        return DocumentFiles.Write(Model(assessment, system, organization), DocumentFiles.Parse(format), $"impact-assessment-{system.Key}-v{number}", cancellationToken);
    }

    private DocumentModel Model(ImpactAssessmentDto a, AiSystemRecord system, string organization)
    {
        var id = "aiia-" + system.Key;
        static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? "not recorded" : value;
        var sources = AiSystemFacts.DataSources(system);
        var blocks = new List<DocumentBlock>
        {
            new DocumentHeading(1, "The AI system"),
            DocumentFiles.Line(id, "system", $"{system.Name} ({system.Key}): {Or(system.Purpose)}", Aims + "A.5.3"),
            DocumentFiles.Table(id, "facts", "What the assessment was made for.", new DocumentTable(["Fact", "Value"],
            [
                ["AI roles of the organization (ISO/IEC 22989)", AiRoles.Describe(AiSystemFacts.Roles(system))], ["EU AI Act role", Or(AiRoles.DescribeEuAiAct(system.EuAiActRole))], ["Life-cycle stage", Or(AiSystemWords.Stage(system.LifecycleStage))], ["Model", Or(system.ModelType)], ["Supplier", Or(system.Supplier)],
                ["Human oversight", Or(AiSystemWords.Oversight(system.HumanOversight))], ["Autonomy", Or(AiSystemWords.Autonomy(system.Autonomy))], ["People affected", Or(system.AffectedPeople)],
                ["Intended use", Or(system.IntendedUse)], ["Foreseeable misuse", Or(system.ForeseeableMisuse)], ["EU AI Act class", Or(AiSystemWords.EuAiActClass(system.EuAiActClass))],
            ]), Aims + "A.5.3"),
        };
        if (sources.Count > 0)
        {
            blocks.Add(DocumentFiles.Table(id, "data", "Data sources, their provenance, quality measures and preparation.", new DocumentTable(
                ["Data source", "Provenance", "Quality measures", "Preparation"],
                sources.Select(s => (IReadOnlyList<string>)[s.Name, Or(s.Provenance), Or(s.QualityMeasures), Or(s.Preparation)]).ToArray()), Aims + "A.5.3"));
        }

        blocks.Add(new DocumentHeading(1, "Impacts"));
        foreach (var scope in new[] { ImpactScope.IndividualsAndGroups, ImpactScope.Society })
        {
            var entries = a.Entries.Where(e => ImpactDimensions.Find(e.Dimension)?.Scope == scope).ToArray();
            var requirement = scope == ImpactScope.Society ? Aims + "A.5.5" : Aims + "A.5.4";
            blocks.Add(new DocumentHeading(2, scope == ImpactScope.Society ? "Society" : "Individuals and groups"));
            blocks.Add(entries.Length == 0
                ? DocumentFiles.Line(id, "none-" + scope.ToString().ToLowerInvariant(), "No impact was identified on this side.", requirement)
                : DocumentFiles.Table(id, "impacts-" + scope.ToString().ToLowerInvariant(), "Impacts found, rated 1 to 5 before and after mitigation.", new DocumentTable(
                    ["Dimension", "Impact", "Affected", "Severity x likelihood", "Mitigation", "Controls and risks", "Residual"],
                    entries.Select(e => (IReadOnlyList<string>)
                    [
                        ImpactDimensions.Find(e.Dimension)!.Name, e.Description, e.AffectedGroup, $"{e.Severity} x {e.Likelihood}", Or(e.Mitigation),
                        string.Join(", ", e.Controls.Concat(e.Risks)) is { Length: > 0 } links ? links : "—", $"{e.ResidualSeverity} x {e.ResidualLikelihood}",
                    ]).ToArray()), requirement, Aims + "6.1.4", Aims + "8.4"));
        }

        blocks.Add(new DocumentHeading(1, "Result"));
        blocks.Add(DocumentFiles.Line(id, "summary", "Summary: " + Or(a.Summary), Aims + "6.1.4"));
        blocks.Add(DocumentFiles.Line(id, "residual", "Residual assessment: " + Or(a.ResidualAssessment), Aims + "6.1.4"));
        blocks.Add(DocumentFiles.Line(id, "decision", $"Decision: {Or(a.Decision)}" + (a.ApprovedBy is null ? ", not yet approved." : $", approved by {a.ApprovedBy} on {a.ApprovedUtc:yyyy-MM-dd}."), Aims + "8.4", Aims + "A.5.2"));
        blocks.Add(DocumentFiles.Line(id, "review", a.NextReviewOn is { } review
            ? $"Next review by {review:yyyy-MM-dd}, or earlier when the purpose, model, data sources or people affected change."
            : "No review date set yet.", Aims + "A.5.2"));
        var info = new DocumentInfo(
            id, $"AI system impact assessment — {system.Name}", "Impact assessment", "Confidential", a.CreatedBy, a.ApprovedBy ?? "not yet approved",
            "v" + a.Number, a.Status, a.NextReviewOn, ["iso42001-2023"], organization);
        return new DocumentModel(info, blocks, DocumentFiles.Addressed(blocks, r => content.Catalog.FindRequirement(r)?.Title ?? r),
            [new Revision("v" + a.Number, DateOnly.FromDateTime(a.CreatedUtc), a.CreatedBy, a.Number == 1 ? "First assessment." : "Reassessment.")]);
    }
}
