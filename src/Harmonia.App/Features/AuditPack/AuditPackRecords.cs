using Harmonia.App.Content;
using Harmonia.App.Documents.Writers;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Reviews;
using Harmonia.App.Persistence;
using Harmonia.App.Tables;
using Harmonia.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AuditPack;

/// <summary>The records of the pack that are written for it: audit reports, review minutes, the evidence index, the trail extract.</summary>
public sealed class AuditPackRecords(HarmoniaDbContext db, TenantScope tenant, GetAuditHandler audits, ListManagementReviewsHandler reviews, LoadedContent content, TimeProvider time)
{
    public async Task<IReadOnlyList<(string Path, byte[] Content)>> AuditReportsAsync(CancellationToken cancellationToken)
    {
        var organization = await OrganizationAsync(cancellationToken);
        var ids = await db.Audits.AsNoTracking().Where(a => a.Status == AuditStatuses.Completed).OrderBy(a => a.Key).Select(a => a.Id).ToListAsync(cancellationToken);
        var files = new List<(string, byte[])>();
        foreach (var id in ids)
        {
            var detail = (await audits.HandleAsync(id, cancellationToken))!;
            var a = detail.Audit;
            var doc = "audit-" + a.Key;
            var blocks = new List<DocumentBlock>
            {
                new DocumentHeading(1, "Audit"),
                DocumentFiles.Line(doc, "scope", $"{a.Title}: {a.Scope.RequirementIds.Count} requirements in scope, audited by {string.Join(", ", a.Auditors)} from {a.PlannedStart:yyyy-MM-dd} to {a.PlannedEnd:yyyy-MM-dd}, completed {a.CompletedOn:yyyy-MM-dd}.", "iso27001-2022:9.2.2", "iso42001-2023:9.2.2"),
                DocumentFiles.Line(doc, "criteria", "Criteria: " + (a.Criteria ?? "the requirements in scope and the organization's own policies.")),
                DocumentFiles.Line(doc, "independence", detail.IndependenceConflicts.Count == 0 ? "No auditor owns a control in scope." : "Independence: " + string.Join(" ", detail.IndependenceConflicts)),
                new DocumentHeading(1, "Findings"),
                DocumentFiles.Table(doc, "findings", "Results other than conforming.", new DocumentTable(["Item", "Grade", "Finding", "Sampled"],
                    detail.Checklist.Where(r => r.Result is { Grade: not "Conforming" }).Select(r => (IReadOnlyList<string>)[r.Item.Ref + " " + r.Item.Title, r.Result!.Grade, r.Result.Note ?? string.Empty, r.Result.Sampled ?? string.Empty]).ToArray())),
                DocumentFiles.Line(doc, "conforming", $"{detail.Checklist.Count(r => r.Result?.Grade == "Conforming")} of {detail.Checklist.Count} checklist items were found conforming."),
                DocumentFiles.Table(doc, "nonconformities", "Nonconformities raised and their state.", new DocumentTable(["Nonconformity", "Grade", "State"],
                    detail.Nonconformities.Select(n => (IReadOnlyList<string>)[n.Key + ": " + n.Nonconformity.Text, n.Nonconformity.Grade.ToString(), n.StateLabel]).ToArray()), "iso27001-2022:10.2", "iso42001-2023:10.2"),
            };
            var info = new DocumentInfo(doc, "Internal audit report " + a.Key, "Audit report", "Confidential", string.Join(", ", a.Auditors), "top management", "final", "completed", null, ["iso27001-2022", "iso42001-2023"], organization);
            var model = new DocumentModel(info, blocks, DocumentFiles.Addressed(blocks, Title), []);
            files.Add(($"audits/{a.Key}-report.pdf", DocumentFiles.Write(model, DocumentFileFormat.Pdf, doc).Content));
        }

        return files;
    }

    public async Task<IReadOnlyList<(string Path, byte[] Content)>> ReviewMinutesAsync(CancellationToken cancellationToken)
    {
        var organization = await OrganizationAsync(cancellationToken);
        var files = new List<(string, byte[])>();
        foreach (var review in await reviews.HandleAsync(cancellationToken))
        {
            var doc = $"review-{review.HeldOn:yyyy-MM-dd}";
            var blocks = new List<DocumentBlock> { new DocumentHeading(1, "Inputs") };
            var n = 0;
            foreach (var input in review.Inputs)
            {
                blocks.Add(DocumentFiles.Line(doc, "input-" + ++n, $"{input.Topic}: {string.Join(" ", input.Facts)}", "iso27001-2022:9.3.2", "iso42001-2023:9.3.2"));
            }

            blocks.Add(new DocumentHeading(1, "Decisions and actions"));
            blocks.Add(DocumentFiles.Line(doc, "decisions", "Decisions: " + review.Decisions, "iso27001-2022:9.3.3", "iso42001-2023:9.3.3"));
            blocks.Add(DocumentFiles.Table(doc, "actions", "Actions.", new DocumentTable(["Action", "Owner", "Due"], review.Actions.Select(a => (IReadOnlyList<string>)[a.Description, a.Owner, $"{a.Due:yyyy-MM-dd}"]).ToArray()), "iso27001-2022:9.3.3", "iso42001-2023:9.3.3"));
            var info = new DocumentInfo(doc, $"Management review minutes {review.HeldOn:yyyy-MM-dd}", "Minutes", "Confidential", review.RecordedBy, string.Join(", ", review.Attendees), "final", "held", null, ["iso27001-2022", "iso42001-2023"], organization);
            files.Add(($"reviews/{doc}.pdf", DocumentFiles.Write(new DocumentModel(info, blocks, DocumentFiles.Addressed(blocks, Title), []), DocumentFileFormat.Pdf, doc).Content));
        }

        return files;
    }

    public async Task<TabularSheet> EvidenceIndexAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Evidence.AsNoTracking()
            .Join(db.EvidenceVersions, e => new { EvidenceId = e.Id, Number = e.CurrentVersion }, v => new { v.EvidenceId, v.Number }, (e, v) => new { e.ControlId, e.Title, v.Number, v.Kind, v.FileName, v.Url, v.Sha256, v.EffectiveOn, v.ExpiresOn })
            .Join(db.Controls, x => x.ControlId, c => c.Id, (x, c) => new { c.Key, x.Title, x.Number, x.Kind, x.FileName, x.Url, x.Sha256, x.EffectiveOn, x.ExpiresOn })
            .OrderBy(x => x.Key).ThenBy(x => x.Title).ToListAsync(cancellationToken);
        return new TabularSheet("Evidence index",
            [new("Control"), new("Evidence"), new("Version"), new("Kind"), new("File or link"), new("SHA-256"), new("Effective"), new("Expires")],
            rows.Select(r => (IReadOnlyList<TabularCell>)[r.Key, r.Title, TabularCell.Number(r.Number), r.Kind, r.FileName ?? r.Url, r.Sha256, TabularCell.Date(r.EffectiveOn), TabularCell.Date(r.ExpiresOn)]).ToArray());
    }

    /// <summary>The last twelve months of the trail with each event's hash, so the extract can be checked against the live chain.</summary>
    public async Task<TabularSheet> AuditTrailAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime.AddYears(-1);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.OccurredUtc >= since).OrderBy(e => e.Sequence).Take(100_000)
            .Select(e => new { e.Sequence, e.OccurredUtc, e.Actor, e.EntityType, e.EntityId, e.Action, e.Hash }).ToListAsync(cancellationToken);
        return new TabularSheet("Audit trail",
            [new("Sequence"), new("When (UTC)"), new("Actor"), new("Record"), new("Record id"), new("Action"), new("Hash")],
            events.Select(e => (IReadOnlyList<TabularCell>)[TabularCell.Number(e.Sequence), e.OccurredUtc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), e.Actor, Features.AuditTrail.AuditEventText.Entity(e.EntityType), e.EntityId, e.Action, e.Hash]).ToArray());
    }

    private string Title(string requirementId) => content.Catalog.FindRequirement(requirementId)?.Title ?? requirementId;

    private Task<string> OrganizationAsync(CancellationToken cancellationToken) =>
        db.OrganizationNameAsync(tenant.OrganizationId, cancellationToken);
}
