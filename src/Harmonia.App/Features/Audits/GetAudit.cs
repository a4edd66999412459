using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Persistence;
using Harmonia.Domain.Audits;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Audits;

/// <summary>
/// An audit with its checklist generated from the scope (one item per requirement; a harmonized clause of both
/// standards once), each item's result, the auditors' independence and the nonconformities it raised.
/// </summary>
public sealed class GetAuditHandler(HarmoniaDbContext db, LoadedContent content, CurrentControls current, PublishedDocuments published)
{
    /// <summary>Throws NotFoundException when the organization has no such audit.</summary>
    public async Task<AuditDetail> HandleAsync(Guid auditId, CancellationToken cancellationToken = default)
    {
        var audit = await db.Audits.AsNoTracking().SingleOrDefaultAsync(a => a.Id == auditId, cancellationToken);
        if (audit is null)
        {
            throw new NotFoundException("audit");
        }

        var dto = AuditDto.From(audit);
        var controls = await current.LinkedAsync(null, cancellationToken);
        var checklist = AuditChecklist.Build(content.Catalog, dto.Scope, controls, await published.HandleAsync(cancellationToken));
        var results = await db.AuditResults.AsNoTracking().Where(r => r.AuditId == auditId).ToDictionaryAsync(r => r.ItemKey, cancellationToken);
        var conflicts = AuditorIndependence.Check(dto.Auditors, dto.Scope, controls).Select(c => c.Text).ToArray();
        var nonconformities = await db.Nonconformities.AsNoTracking().Where(n => n.AuditId == auditId).OrderBy(n => n.Key).ToListAsync(cancellationToken);
        return new AuditDetail(
            dto,
            checklist.Select(item => new ChecklistRow(item, ResultFor(item, results) is { } r ? new ChecklistResult(r.Grade, r.Note, r.Sampled, r.RecordedBy, r.RecordedUtc) : null)).ToArray(),
            conflicts,
            nonconformities.Select(NonconformityDto.From).ToArray());
    }

    /// <summary>
    /// Results are kept by item key. Audits graded before 5.2, 6.1.2, 6.1.3, 6.2, 8.1–8.3 and the like were split
    /// per standard hold one "clause:" result for both requirements: it still answers each of the two items.
    /// </summary>
    private static AuditResultRecord? ResultFor(ChecklistItem item, Dictionary<string, AuditResultRecord> results) =>
        results.GetValueOrDefault(item.Key)
        ?? (item.Integrated ? null : results.Values.FirstOrDefault(r => r.ItemKey.StartsWith("clause:", StringComparison.Ordinal)
            && r.RequirementIds.Split(',').Contains(item.RequirementIds[0], StringComparer.Ordinal)));
}
