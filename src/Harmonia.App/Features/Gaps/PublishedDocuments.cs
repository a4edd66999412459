using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Gaps;

/// <summary>Published documents with the requirements their template's statements address, and registered existing policies.</summary>
public sealed class PublishedDocuments(HarmoniaDbContext db, LoadedContent content)
{
    public async Task<IReadOnlyList<PublishedDocument>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var published = await db.DocumentRevisions.AsNoTracking().Where(r => r.Status == Harmonia.App.Features.Documents.DocumentStatuses.Published)
            .Join(db.Documents, r => r.DocumentId, d => d.Id, (r, d) => new { d.TemplateId, d.Title, r.Label })
            .ToListAsync(cancellationToken);
        var registered = await db.RegisteredDocuments.AsNoTracking().Select(r => new { r.Title, r.Version, r.RequirementIds }).ToListAsync(cancellationToken);
        return published
            .Select(p => (p, Template: content.Documents.Find(p.TemplateId)))
            .Where(x => x.Template is not null)
            .Select(x => new PublishedDocument(x.p.Title, x.p.Label, x.Template!.Statements.SelectMany(s => s.RequirementIds).Distinct(StringComparer.Ordinal).ToArray()))
            .Concat(registered.Select(r => new PublishedDocument(r.Title, r.Version, r.RequirementIds.Split(',', StringSplitOptions.RemoveEmptyEntries))))
            .ToArray();
    }
}
