using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

/// <param name="Html">The formatted text, or null when it cannot be shown as it was generated (see <paramref name="NotFormatted"/>).</param>
/// <param name="Markdown">The text as stored with the revision, always.</param>
public sealed record RevisionText(int Number, string Label, string? Html, string Markdown, bool Marks, string? NotFormatted);

/// <summary>
/// A revision's text as a reviewer reads it: formatted by the HTML writer from the document model, never by re-reading
/// the stored Markdown (DESIGN: no writer re-parses another's output). The model is rendered again from the template
/// and the answers the revision was generated from, as publication does, and shown only when its content hash equals
/// the revision's: otherwise the page would show words the approver never saw, so the stored text is shown instead,
/// with the reason.
/// </summary>
public sealed class ReadRevisionTextHandler(HarmoniaDbContext db, LoadedContent content, DocumentBuilder builder)
{
    public async Task<RevisionText> HandleAsync(Guid documentId, int number, bool marks, CancellationToken cancellationToken = default)
    {
        var (revision, model, why) = await ModelAsync(documentId, number, cancellationToken);
        return model is null
            ? new(revision.Number, revision.Label, null, revision.Markdown, marks, $"{why}, so the text is shown as stored.")
            : new(revision.Number, revision.Label, HtmlDocumentWriter.Fragment(model, marks, headingOffset: 2), revision.Markdown, marks, null);
    }

    /// <summary>The revision's document model rendered again, or null with the reason it cannot be (the words would differ from the approved ones).</summary>
    internal async Task<(DocumentRevisionRecord Revision, Domain.Documents.DocumentModel? Model, string? Why)> ModelAsync(Guid documentId, int number, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken) ?? throw new NotFoundException("document");
        var revision = await db.DocumentRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.DocumentId == documentId && r.Number == number, cancellationToken)
            ?? throw new NotFoundException("document revision");
        if (content.Documents.Find(document.TemplateId) is not { } template)
        {
            return (revision, null, "Its template no longer ships");
        }

        var answers = await builder.AnswersAsync(revision.AnswerSetVersion, cancellationToken);
        var rendered = await builder.RenderAsync(document.OrganizationId, template, answers, new DocumentControl(revision.Label, revision.Status, revision.NextReview, []), cancellationToken);
        return GenerateDocumentDraftsHandler.ContentHash(MarkdownDocumentWriter.Write(rendered.Model)) != revision.ContentSha256
            ? (revision, null, "The template or the organization's data changed since this revision was generated")
            : (revision, rendered.Model, null);
    }
}
