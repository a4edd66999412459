using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

/// <summary>One document: its revisions, the latest text, and a line diff against the published revision (DiffPlex).</summary>
public sealed class GetDocumentHandler(HarmoniaDbContext db, LoadedContent content, TimeProvider time)
{
    public async Task<DocumentDetailDto> HandleAsync(Guid documentId, Guid userId, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Revisions).SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null || content.Documents.Find(document.TemplateId) is not { } template)
        {
            throw new NotFoundException("document");
        }

        var revisionIds = document.Revisions.Select(r => r.Id).ToArray();
        var acknowledgments = await db.DocumentAcknowledgments.AsNoTracking().Where(a => revisionIds.Contains(a.RevisionId))
            .OrderBy(a => a.AcknowledgedUtc).ToListAsync(cancellationToken);
        var summary = ListDocumentsHandler.Summary(template, document, acknowledgments.Select(a => (a.RevisionId, a.UserId)).ToArray(), userId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var latest = document.Revisions.MaxBy(r => r.Number);
        var published = document.Revisions.SingleOrDefault(r => r.Status == DocumentStatuses.Published);
        var diff = latest is not null && published is not null && latest != published
            ? InlineDiffBuilder.Diff(published.Markdown, latest.Markdown).Lines
                .Where(l => l.Type != ChangeType.Unchanged)
                .Select(l => new DiffLine(l.Type == ChangeType.Inserted ? "added" : l.Type == ChangeType.Deleted ? "removed" : "changed", l.Text))
                .ToArray()
            : [];
        return new DocumentDetailDto(
            summary,
            document.Revisions.OrderByDescending(r => r.Number).Select(RevisionDto.From).ToArray(),
            latest?.Markdown,
            diff,
            acknowledgments.Where(a => a.RevisionId == published?.Id).Select(a => $"{a.UserName} ({a.AcknowledgedUtc:yyyy-MM-dd HH:mm} UTC)").ToArray());
    }
}
