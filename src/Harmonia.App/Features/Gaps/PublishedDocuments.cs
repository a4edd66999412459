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
        var registered = (await db.RegisteredDocuments.AsNoTracking().Select(r => new { r.Title, r.Version, r.RequirementIds, r.RegisteredUtc }).ToListAsync(cancellationToken))
            .OrderBy(r => r.RegisteredUtc).ThenBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.Version, StringComparer.Ordinal);

        // In the library's order, never the database's: a reason names the first document that covers a requirement, and
        // the same records must give the same report on either provider (and after an organization archive moved them).
        var order = content.Documents.Templates.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return published
            .Select(p => (p, Template: content.Documents.Find(p.TemplateId)))
            .Where(x => x.Template is not null)
            .OrderBy(x => order[x.Template!.Id]).ThenBy(x => x.p.Label, StringComparer.Ordinal)
            .Select(x => new PublishedDocument(x.p.Title, x.p.Label, x.Template!.Statements.SelectMany(s => s.RequirementIds).Distinct(StringComparer.Ordinal).ToArray()))
            .Concat(registered.Select(r => new PublishedDocument(r.Title, r.Version, r.RequirementIds.Split(',', StringSplitOptions.RemoveEmptyEntries))))
            .ToArray();
    }
}
