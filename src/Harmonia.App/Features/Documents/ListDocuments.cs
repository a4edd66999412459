using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

/// <summary>Every document of the library with the organization's state of it: generated or not, status, review, acknowledgments.</summary>
public sealed class ListDocumentsHandler(HarmoniaDbContext db, LoadedContent content, TimeProvider time)
{
    public async Task<IReadOnlyList<DocumentSummaryDto>> HandleAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var documents = await db.Documents.AsNoTracking().ToDictionaryAsync(d => d.TemplateId, cancellationToken);

        // The list needs every revision's state, not its text: the Markdown stays in the database.
        var revisions = await db.DocumentRevisions.AsNoTracking().Select(r => new DocumentRevisionRecord
        {
            Id = r.Id,
            DocumentId = r.DocumentId,
            Number = r.Number,
            Label = r.Label,
            Status = r.Status,
            Change = r.Change,
            AnswerSetVersion = r.AnswerSetVersion,
            ContentVersion = r.ContentVersion,
            Markdown = string.Empty,
            ContentSha256 = r.ContentSha256,
            MissingAnswers = r.MissingAnswers,
            Author = r.Author,
            CreatedUtc = r.CreatedUtc,
            ApprovedBy = r.ApprovedBy,
            ApprovedUtc = r.ApprovedUtc,
            PublishedUtc = r.PublishedUtc,
            NextReview = r.NextReview,
            DocxSha256 = r.DocxSha256,
            PdfSha256 = r.PdfSha256,
        }).ToListAsync(cancellationToken);
        foreach (var document in documents.Values)
        {
            document.Revisions = revisions.Where(r => r.DocumentId == document.Id).ToList();
        }
        var acknowledgments = await db.DocumentAcknowledgments.AsNoTracking().Select(a => new { a.RevisionId, a.UserId }).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return content.Documents.Templates
            .OrderBy(t => t.Title, StringComparer.Ordinal)
            .Select(t => Summary(t, documents.GetValueOrDefault(t.Id), acknowledgments.Select(a => (a.RevisionId, a.UserId)).ToArray(), userId, today))
            .ToArray();
    }

    internal static DocumentSummaryDto Summary(DocumentTemplate template, ControlledDocumentRecord? document, (Guid RevisionId, Guid UserId)[] acknowledgments, Guid userId, DateOnly today)
    {
        var revisions = document?.Revisions.OrderBy(r => r.Number).ToArray() ?? [];
        var published = revisions.SingleOrDefault(r => r.Status == DocumentStatuses.Published);
        var everPublished = revisions.Where(r => r.PublishedUtc is not null).ToArray();

        // Only a material change asks people to acknowledge again: a minor revision keeps earlier acknowledgments valid.
        var lastMaterial = everPublished.LastOrDefault(r => r.Change == "material") ?? everPublished.FirstOrDefault();
        var current = lastMaterial is null ? [] : everPublished.Where(r => r.Number >= lastMaterial.Number).Select(r => r.Id).ToHashSet();
        var acknowledged = acknowledgments.Where(a => current.Contains(a.RevisionId)).Select(a => a.UserId).Distinct().ToArray();
        return new DocumentSummaryDto(
            template.Id,
            template.Title,
            template.Standards,
            document?.Id,
            revisions.LastOrDefault() is { } latest ? RevisionDto.From(latest) : null,
            published is null ? null : RevisionDto.From(published),
            published?.NextReview is { } review && review < today,
            acknowledged.Length,
            published is not null && !acknowledged.Contains(userId));
    }
}
