using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

public sealed record PublishedFile(Stream Content, string FileName, string ContentType);

/// <summary>The DOCX or PDF kept when a revision was published, byte for byte.</summary>
public sealed class OpenPublishedFileHandler(HarmoniaDbContext db, EvidenceFileStore store)
{
    public async Task<PublishedFile> HandleAsync(Guid documentId, int number, DocumentFileFormat format, CancellationToken cancellationToken = default)
    {
        var revision = await db.DocumentRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.DocumentId == documentId && r.Number == number, cancellationToken);
        if (revision is null)
        {
            throw new NotFoundException("document revision");
        }

        if (revision.DocxSha256 is null)
        {
            throw new InvalidInputException($"Revision {revision.Label} is {revision.Status.Replace('_', ' ')}: files are kept for published revisions only.");
        }

        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == documentId, cancellationToken);
        var (sha256, type) = format switch
        {
            DocumentFileFormat.Docx => (revision.DocxSha256, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            DocumentFileFormat.Pdf => (revision.PdfSha256, "application/pdf"),
            _ => throw new InvalidInputException("Published revisions keep DOCX and PDF files."),
        };
        return sha256 is not null && store.Open(sha256) is { } stream
            ? new PublishedFile(stream, $"{document.TemplateId}-{revision.Label}.{format.ToString().ToLowerInvariant()}", type)
            : throw new NotFoundException("file", message: "The stored file of that revision is missing.");
    }
}
