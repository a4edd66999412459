using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Harmonia.Domain.Audits;
using Harmonia.Domain.Documents;

namespace Harmonia.App.Features.Audits;

/// <summary>
/// The internal audit report (9.2.2) as a document: scope, criteria, auditors and their independence, every finding
/// other than conforming, and the nonconformities raised with their state. An audit still running gives a draft report.
/// </summary>
public sealed class ExportAuditReportHandler(HarmoniaDbContext db, TenantScope tenant, GetAuditHandler audits, LoadedContent content)
{
    /// <summary>Throws NotFoundException when the organization has no such audit.</summary>
    public async Task<GeneratedFile> HandleAsync(Guid auditId, string format, CancellationToken cancellationToken = default)
    {
        var parsed = DocumentFiles.Parse(format);
        var detail = await audits.HandleAsync(auditId, cancellationToken);
        if (detail is null)
        {
            throw new NotFoundException("audit");
        }

        var organization = await db.OrganizationNameAsync(tenant.OrganizationId, cancellationToken);
        return DocumentFiles.Write(Model(detail, organization), parsed, $"audit-report-{detail.Audit.Key}", cancellationToken);
    }

    internal DocumentModel Model(AuditDetail detail, string organization)
    {
        var a = detail.Audit;
        var doc = "audit-" + a.Key;
        var completed = a.CompletedOn is { } on ? $"completed {on:yyyy-MM-dd}" : "not completed yet (draft report)";
        var findings = detail.Checklist.Where(r => r.Result is { Grade: not nameof(FindingGrade.Conforming) }).ToArray();
        var blocks = new List<DocumentBlock>
        {
            new DocumentHeading(1, "Audit"),
            DocumentFiles.Line(doc, "scope", $"{a.Title}: {a.Scope.RequirementIds.Count} requirements in scope, audited by {string.Join(", ", a.Auditors)} from {a.PlannedStart:yyyy-MM-dd} to {a.PlannedEnd:yyyy-MM-dd}, {completed}.", "iso27001-2022:9.2.2", "iso42001-2023:9.2.2"),
            DocumentFiles.Line(doc, "areas", "Processes, AI systems and sites: " + Listed(a.Scope.Processes.Concat(a.Scope.AiSystemKeys).Concat(a.Scope.Sites)) + "."),
            DocumentFiles.Line(doc, "criteria", "Criteria: " + (a.Criteria ?? "the requirements in scope and the organization's own policies.")),
            DocumentFiles.Line(doc, "independence", detail.IndependenceConflicts.Count == 0 ? "No auditor owns a control in scope." : "Independence: " + string.Join(" ", detail.IndependenceConflicts)),
            new DocumentHeading(1, "Findings"),
            DocumentFiles.Line(doc, "tally", $"{detail.Checklist.Count(r => r.Result?.Grade == nameof(FindingGrade.Conforming))} of {detail.Checklist.Count} checklist items were found conforming; {findings.Length} other findings; {detail.Checklist.Count(r => r.Result is null)} items without a result."),
            DocumentFiles.Table(doc, "findings", "Results other than conforming.", new DocumentTable(["Item", "Grade", "Finding", "Sampled"],
                findings.Select(r => (IReadOnlyList<string>)[r.Item.Ref + " " + r.Item.Title, Enum.Parse<FindingGrade>(r.Result!.Grade).ToLabel(), r.Result.Note ?? string.Empty, r.Result.Sampled ?? string.Empty]).ToArray())),
            DocumentFiles.Table(doc, "nonconformities", "Nonconformities raised and their state.", new DocumentTable(["Nonconformity", "Grade", "State"],
                detail.Nonconformities.Select(n => (IReadOnlyList<string>)[n.Key + ": " + n.Nonconformity.Text, n.Nonconformity.Grade.ToLabel(), n.StateLabel]).ToArray()), "iso27001-2022:10.2", "iso42001-2023:10.2"),
        };
        var info = new DocumentInfo(doc, "Internal audit report " + a.Key, "Audit report", "Confidential", string.Join(", ", a.Auditors), "top management", "final", a.Status, null, ["iso27001-2022", "iso42001-2023"], organization);
        return new DocumentModel(info, blocks, DocumentFiles.Addressed(blocks, Title), []);
    }

    private static string Listed(IEnumerable<string> values) => values.ToArray() is { Length: > 0 } list ? string.Join(", ", list) : "not narrowed";

    private string Title(string requirementId) => content.Catalog.FindRequirement(requirementId)?.Title ?? requirementId;
}
