using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

public sealed record PublishedFile(Stream Content, string FileName, string ContentType);

/// <summary>The DOCX or PDF kept when a revision was published, byte for byte.</summary>
public sealed class OpenPublishedFileHandler(HarmoniaDbContext db, IEvidenceStore store)
{
    public async Task<PublishedFile> HandleAsync(Guid documentId, int number, DocumentFileFormat format, CancellationToken cancellationToken = default)
    {
        var (sha256, name, type) = await FindAsync(documentId, number, format, cancellationToken);
        return sha256 is not null && await store.OpenAsync(sha256, cancellationToken) is { } stream
            ? new PublishedFile(stream, name, type)
            : throw Missing();
    }

    /// <summary>For a client: the store's short-lived address when it hands them out (Evidence:S3:PresignedDownloadMinutes), else the content.</summary>
    public async Task<StoredDownload> DownloadAsync(Guid documentId, int number, DocumentFileFormat format, CancellationToken cancellationToken = default)
    {
        var (sha256, name, type) = await FindAsync(documentId, number, format, cancellationToken);
        return (sha256 is not null ? await StoredDownload.OpenAsync(store, sha256, name, type, cancellationToken) : null) ?? throw Missing();
    }

    private static NotFoundException Missing() => new("file", message: "The stored file of that revision is missing.");

    private async Task<(string? Sha256, string FileName, string ContentType)> FindAsync(Guid documentId, int number, DocumentFileFormat format, CancellationToken cancellationToken)
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
        return (sha256, $"{document.TemplateId}-{revision.Label}.{format.ToString().ToLowerInvariant()}", type);
    }
}
