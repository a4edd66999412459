using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Harmonia.Domain.AiSystems;
using Harmonia.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>
/// The fundamental rights impact assessment (EU AI Act Art. 27) a deployer of a high-risk AI system owes before first
/// use, drawn from an approved AI system impact assessment and the system's record. Each of the article's six elements
/// is filled only from recorded facts; an element nothing records is listed as a gap to complete, never invented.
/// </summary>
public sealed class ExportFundamentalRightsAssessmentHandler(HarmoniaDbContext db, TenantScope tenant, GetImpactAssessmentHandler get, LoadedContent content)
{
    private const string Fria = "eu-ai-act-2024:Art. 27";
    private const string Aims = "iso42001-2023:";

    /// <summary>Throws NotFoundException for an unknown system or assessment, InvalidInputException when a FRIA cannot be drawn from it.</summary>
    public async Task<GeneratedFile> HandleAsync(Guid aiSystemId, int number, string format, CancellationToken cancellationToken = default)
    {
        var fileFormat = DocumentFiles.Parse(format);
        var system = await db.AiSystems.AsNoTracking().SingleOrDefaultAsync(a => a.Id == aiSystemId, cancellationToken) ?? throw new NotFoundException("AI system");
        var assessment = await get.HandleAsync(aiSystemId, number, cancellationToken);
        if (Refusal(system, assessment) is { } refusal)
        {
            throw new InvalidInputException(refusal);
        }

        var concerns = await db.AiConcerns.AsNoTracking().CountAsync(c => c.AiSystemId == aiSystemId, cancellationToken);
        var organization = await db.OrganizationNameAsync(tenant.OrganizationId, cancellationToken);
        return DocumentFiles.Write(Model(assessment, system, organization, concerns), fileFormat, $"fria-{system.Key}-v{number}", cancellationToken);
    }

    /// <summary>Why no FRIA can be drawn from this assessment, or null: Art. 27 binds deployers of high-risk systems, and only an approved assessment is a result.</summary>
    public static string? Refusal(AiSystemRecord system, ImpactAssessmentDto assessment) =>
        system.EuAiActClass != "high-risk"
            ? $"{system.Key} is classed {(system.EuAiActClass is null ? "under no EU AI Act class yet" : AiSystemWords.EuAiActClass(system.EuAiActClass).ToLowerInvariant())}: a fundamental rights impact assessment (EU AI Act Art. 27) is owed only for a high-risk AI system."
            : system.EuAiActRole != "deployer"
                ? $"The organization is {(system.EuAiActRole is null ? "recorded in no EU AI Act role" : "the " + AiRoles.DescribeEuAiAct(system.EuAiActRole))} for {system.Key}: a fundamental rights impact assessment (EU AI Act Art. 27) is the deployer's duty."
                : assessment.Status != ImpactAssessmentStatuses.Approved
                    ? $"Impact assessment v{assessment.Number} of {system.Key} is {assessment.Status}: only the approved, current assessment can be the basis of a fundamental rights impact assessment."
                    : null;

    private DocumentModel Model(ImpactAssessmentDto a, AiSystemRecord system, string organization, int concerns)
    {
        var id = "fria-" + system.Key;
        var gaps = new List<string>();
        var blocks = new List<DocumentBlock>
        {
            new DocumentHeading(1, "Scope"),
            DocumentFiles.Line(id, "scope", $"{organization} deploys {system.Name} ({system.Key}), a high-risk AI system under the EU AI Act. This assessment draws on impact assessment v{a.Number}, approved by {a.ApprovedBy} on {a.ApprovedUtc:yyyy-MM-dd}.", Fria),
        };

        Element(blocks, gaps, id, "processes", "(a) The deployer's processes in which the system is used",
            Join(system.IntendedUse, system.Purpose), "the processes in which the system is used (record the system's intended use)", Aims + "A.9.4");
        Element(blocks, gaps, id, "period", "(b) Period and frequency of use",
            system.PeriodOfUse, "the period of time within which, and the frequency with which, the system is intended to be used (record it on the AI system as its period and frequency of use)");

        var groups = a.Entries.Select(e => e.AffectedGroup).Concat(string.IsNullOrWhiteSpace(system.AffectedPeople) ? [] : [system.AffectedPeople!])
            .Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        Element(blocks, gaps, id, "affected", "(c) Categories of natural persons and groups likely to be affected",
            groups.Length == 0 ? null : string.Join("; ", groups), "the categories of persons and groups likely to be affected", Aims + "A.5.4");

        blocks.Add(new DocumentHeading(1, "(d) Specific risks of harm"));
        if (a.Entries.Count == 0)
        {
            gaps.Add("the specific risks of harm to the affected persons (the impact assessment records no impact)");
            blocks.Add(DocumentFiles.Line(id, "risks-gap", "Not recorded: the impact assessment lists no impact. Complete this element before first use.", Fria));
        }
        else
        {
            blocks.Add(DocumentFiles.Table(id, "risks", "Risks of harm from the impact assessment, rated 1 to 5 before mitigation.", new DocumentTable(
                ["Dimension", "Harm", "Affected", "Severity x likelihood"],
                a.Entries.Select(e => (IReadOnlyList<string>)[ImpactDimensions.Find(e.Dimension)?.Name ?? e.Dimension, e.Description, e.AffectedGroup, $"{e.Severity} x {e.Likelihood}"]).ToArray()),
                Fria, Aims + "A.5.4", Aims + "A.5.5"));
        }

        var oversight = system.HumanOversight is null or "none"
            ? null
            : $"{AiSystemWords.Oversight(system.HumanOversight)}" + (system.Autonomy is null ? "." : $"; autonomy {AiSystemWords.Autonomy(system.Autonomy).ToLowerInvariant()}.");
        Element(blocks, gaps, id, "oversight", "(e) Human oversight measures",
            oversight, "the human oversight measures, according to the instructions for use (the system records no human oversight)", Aims + "A.9.2");

        blocks.Add(new DocumentHeading(1, "(f) Measures if the risks materialise"));
        var mitigations = a.Entries.Where(e => !string.IsNullOrWhiteSpace(e.Mitigation)).ToArray();
        if (mitigations.Length == 0)
        {
            gaps.Add("the measures to be taken if the risks materialise (no mitigation is recorded)");
            blocks.Add(DocumentFiles.Line(id, "measures-gap", "Not recorded: no mitigation is recorded for any impact.", Fria));
        }
        else
        {
            blocks.Add(DocumentFiles.Table(id, "measures", "Measures for each risk and the residual rating after them.", new DocumentTable(
                ["Harm", "Measure", "Residual"],
                mitigations.Select(e => (IReadOnlyList<string>)[e.Description, e.Mitigation!, $"{e.ResidualSeverity} x {e.ResidualLikelihood}"]).ToArray()), Fria, Aims + "6.1.4"));
        }

        if (concerns > 0)
        {
            blocks.Add(DocumentFiles.Line(id, "complaints", $"Complaints and concerns about the system are taken in through the AI concern register, which holds {concerns} report{(concerns == 1 ? string.Empty : "s")} about it.", Fria, Aims + "A.3.3"));
        }
        else
        {
            gaps.Add("the internal governance and complaint mechanisms (no concern or complaint channel is recorded for this system)");
            blocks.Add(DocumentFiles.Line(id, "complaints-gap", "Not recorded: no complaint or concern about the system has been taken in; name the complaint mechanism and internal governance arrangements.", Fria));
        }

        blocks.Add(new DocumentHeading(1, "Gaps to complete before notification"));
        if (gaps.Count == 0)
        {
            blocks.Add(DocumentFiles.Line(id, "complete", "Every element of Art. 27(1) is filled from the records. Notify the result to the market surveillance authority.", Fria));
        }
        else
        {
            blocks.Add(DocumentFiles.Line(id, "gaps", $"{gaps.Count} of the elements Art. 27(1) asks for are not in the records; complete them before first use and before notifying the market surveillance authority:", Fria));
            blocks.AddRange(gaps.Select((g, i) => DocumentFiles.Line(id, "gap-" + (i + 1), "Missing: " + g + ".", Fria) with { Style = StatementStyle.Bullet }));
        }

        var info = new DocumentInfo(
            id, $"Fundamental rights impact assessment — {system.Name}", "Fundamental rights impact assessment", "Confidential", a.CreatedBy, a.ApprovedBy ?? string.Empty,
            "v" + a.Number, gaps.Count == 0 ? "complete" : $"{gaps.Count} element{(gaps.Count == 1 ? string.Empty : "s")} missing", a.NextReviewOn, ["eu-ai-act-2024"], organization);
        return new DocumentModel(info, blocks, DocumentFiles.Addressed(blocks, r => content.Catalog.FindRequirement(r)?.Title ?? r),
            [new Revision("v" + a.Number, DateOnly.FromDateTime(a.ApprovedUtc ?? a.CreatedUtc), a.ApprovedBy ?? a.CreatedBy, $"Drawn from impact assessment v{a.Number}.")]);
    }

    private static void Element(List<DocumentBlock> blocks, List<string> gaps, string id, string localId, string heading, string? recorded, string missing, params string[] alsoAddresses)
    {
        blocks.Add(new DocumentHeading(1, heading));
        if (recorded is null)
        {
            gaps.Add(missing);
            blocks.Add(DocumentFiles.Line(id, localId + "-gap", "Not recorded: " + missing + ".", Fria));
        }
        else
        {
            blocks.Add(DocumentFiles.Line(id, localId, recorded, [Fria, .. alsoAddresses]));
        }
    }

    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim().TrimEnd('.') + ".").Distinct(StringComparer.Ordinal).ToArray();
        return present.Length == 0 ? null : string.Join(" ", present);
    }
}
