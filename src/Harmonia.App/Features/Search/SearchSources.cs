using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Competence;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Features.Objectives;
using Harmonia.App.Features.Reviews;
using Harmonia.App.Features.Risks;
using Harmonia.App.Features.Suppliers;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Search;

/// <summary>One record's words as the index keeps them.</summary>
internal sealed record SearchDocument(Guid RecordId, string? Key, string Title, string Body, string Terms, Guid? ParentId = null, int? Number = null);

/// <summary>
/// The record types search finds, by the entity name the audit trail records, and how each reads its words. Search is
/// an aggregating module like Gaps or Readiness: it reads other modules' rows, never writes them.
/// </summary>
internal static class SearchSources
{
    /// <summary>Audit-trail entity types whose change changes what a search finds, and the kind they index as.</summary>
    public static readonly IReadOnlyDictionary<string, SearchKind> ByEntityType = new Dictionary<string, SearchKind>(StringComparer.Ordinal)
    {
        [nameof(ControlRecord)] = SearchKind.Control,
        [nameof(EvidenceRecord)] = SearchKind.Evidence,
        [nameof(RiskRecord)] = SearchKind.Risk,
        [nameof(AiSystemRecord)] = SearchKind.AiSystem,
        [nameof(ImpactAssessmentRecord)] = SearchKind.ImpactAssessment,
        [nameof(ControlledDocumentRecord)] = SearchKind.Document,

        // A new revision changes the document's text; the revision's id is resolved to its document.
        [nameof(DocumentRevisionRecord)] = SearchKind.Document,
        [nameof(RegisteredDocumentRecord)] = SearchKind.RegisteredDocument,
        [nameof(SupplierRecord)] = SearchKind.Supplier,
        [nameof(AuditRecord)] = SearchKind.Audit,
        [nameof(NonconformityRecord)] = SearchKind.Nonconformity,
        [nameof(ObjectiveRecord)] = SearchKind.Objective,
        [nameof(ManagementReviewRecord)] = SearchKind.ManagementReview,
        [nameof(PersonRecord)] = SearchKind.Person,
        [nameof(Catalogs.OwnRequirementRecord)] = SearchKind.Requirement,
    };

    /// <summary>The ids of the records an audit event of the given type stands for.</summary>
    public static async Task<Guid[]> RecordIdsAsync(HarmoniaDbContext db, string entityType, Guid[] ids, CancellationToken ct) =>
        entityType == nameof(DocumentRevisionRecord)
            ? (await db.DocumentRevisions.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.DocumentId).Distinct().ToListAsync(ct)).ToArray()
            : ids;

    /// <summary>The current words of the given records; a record that no longer exists is simply not returned.</summary>
    public static async Task<IReadOnlyList<SearchDocument>> LoadAsync(HarmoniaDbContext db, SearchKind kind, Guid[] ids, CancellationToken ct)
    {
        switch (kind)
        {
            case SearchKind.Control:
                return (await db.Controls.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct))
                    .Select(c => Document(c.Id, c.Key, $"{c.Key} {c.Name}", c.Owner)).ToArray();
            case SearchKind.Evidence:
                return (await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(ct))
                    .Select(e => Document(e.Id, null, e.Title, null)).ToArray();
            case SearchKind.Risk:
                return (await db.Risks.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct))
                    .Select(r => Document(r.Id, r.Key, $"{r.Key} {r.Title}", Join(r.Description, r.Assets, r.Owner))).ToArray();
            case SearchKind.AiSystem:
                return (await db.AiSystems.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct))
                    .Select(a => Document(a.Id, a.Key, $"{a.Key} {a.Name}", Join(a.Purpose, a.IntendedUse, a.ForeseeableMisuse, a.ModelType, a.Supplier, a.AffectedPeople))).ToArray();
            case SearchKind.ImpactAssessment:
                return (await db.ImpactAssessments.AsNoTracking().Where(i => ids.Contains(i.Id))
                        .Join(db.AiSystems, i => i.AiSystemId, a => a.Id, (i, a) => new { Assessment = i, a.Key, a.Name }).ToListAsync(ct))
                    .Select(x => Document(x.Assessment.Id, null, $"Impact assessment {x.Assessment.Number} of {x.Key} {x.Name}",
                        Join(x.Assessment.Summary, x.Assessment.ResidualAssessment, x.Assessment.Decision)) with
                    { ParentId = x.Assessment.AiSystemId, Number = x.Assessment.Number })
                    .ToArray();
            case SearchKind.Document:
                var documents = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
                var latest = (await db.DocumentRevisions.AsNoTracking().Where(r => ids.Contains(r.DocumentId))
                        .GroupBy(r => r.DocumentId).Select(g => g.OrderByDescending(r => r.Number).First()).ToListAsync(ct))
                    .ToDictionary(r => r.DocumentId, r => r.Markdown);
                return documents.Select(d => Document(d.Id, null, d.Title, latest.GetValueOrDefault(d.Id))).ToArray();
            case SearchKind.RegisteredDocument:
                return (await db.RegisteredDocuments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct))
                    .Select(d => Document(d.Id, null, d.Title, Join(d.Owner, d.FileName, d.RequirementIds))).ToArray();
            case SearchKind.Supplier:
                return (await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct))
                    .Select(s => Document(s.Id, s.Key, $"{s.Key} {s.Name}", Join(s.Services, s.DataProcessed))).ToArray();
            case SearchKind.Audit:
                return (await db.Audits.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct))
                    .Select(a => Document(a.Id, a.Key, $"{a.Key} {a.Title}", Join(a.Criteria, a.Auditors))).ToArray();
            case SearchKind.Nonconformity:
                return (await db.Nonconformities.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync(ct))
                    .Select(n => (Record: n, Content: NonconformityJson.Read(n.Json)))
                    .Select(x => Document(x.Record.Id, x.Record.Key, $"{x.Record.Key} {SearchText.Clip(x.Content.Text, 120)}",
                        Join(x.Content.Text, x.Content.Source, x.Content.Correction, x.Record.RequirementIds))).ToArray();
            case SearchKind.Objective:
                return (await db.Objectives.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct))
                    .Select(o => Document(o.Id, o.Key, $"{o.Key} {o.Title}", Join(o.Measure, o.Owner))).ToArray();
            case SearchKind.ManagementReview:
                return (await db.ManagementReviews.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(ct))
                    .Select(m => Document(m.Id, null, $"Management review of {SearchText.Date(m.HeldOn)}", Join(m.Decisions, m.Attendees))).ToArray();
            case SearchKind.Person:
                return (await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct))
                    .Select(p => Document(p.Id, null, p.Name, p.Email)).ToArray();
            case SearchKind.Requirement:
                // Headings are found through their requirements. The parent is the framework, whose page the hit opens.
                return (await db.OwnRequirements.AsNoTracking().Where(r => ids.Contains(r.Id) && r.Assessable)
                        .Join(db.OwnFrameworks, r => r.OwnFrameworkId, f => f.Id, (r, f) => new { Requirement = r, f.Name }).ToListAsync(ct))
                    .Select(x => Document(x.Requirement.Id, x.Requirement.Ref.Length <= 32 ? x.Requirement.Ref : null, $"{x.Name} {x.Requirement.Ref} {x.Requirement.Title}", x.Requirement.Description)
                        with
                    { ParentId = x.Requirement.OwnFrameworkId })
                    .ToArray();
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "No search source for this kind.");
        }
    }

    private static SearchDocument Document(Guid id, string? key, string title, string? body) =>
        new(id, key, SearchText.Clip(title, SearchText.TitleLength), SearchText.Clip(body, SearchText.BodyLength), SearchText.Terms(title, body));

    private static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
