using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Evidence;

public sealed record EvidenceFileContent(Stream Content, string FileName, string ContentType, string Sha256);

/// <summary>The stored file of one evidence version, for download.</summary>
public sealed class OpenEvidenceFileHandler(HarmoniaDbContext db, IEvidenceStore store)
{
    /// <summary>The content itself, for those who read it on the server (the auditor's request, packs).</summary>
    /// <exception cref="NotFoundException">No such version, it is not a file, or the store lost the file.</exception>
    public async Task<EvidenceFileContent> HandleAsync(Guid evidenceId, int number, CancellationToken cancellationToken = default)
    {
        var version = await FindAsync(evidenceId, number, cancellationToken);
        return await store.OpenAsync(version.Sha256!, cancellationToken) is { } stream
            ? new EvidenceFileContent(stream, version.FileName ?? "evidence", version.ContentType ?? "application/octet-stream", version.Sha256!)
            : throw Missing();
    }

    /// <summary>For a client: the store's short-lived address when it hands them out (Evidence:S3:PresignedDownloadMinutes), else the content.</summary>
    /// <exception cref="NotFoundException">No such version, it is not a file, or the store lost the file.</exception>
    public async Task<StoredDownload> DownloadAsync(Guid evidenceId, int number, CancellationToken cancellationToken = default)
    {
        var version = await FindAsync(evidenceId, number, cancellationToken);
        return await StoredDownload.OpenAsync(store, version.Sha256!, version.FileName ?? "evidence", version.ContentType ?? "application/octet-stream", cancellationToken)
            ?? throw Missing();
    }

    private static NotFoundException Missing() => new("file", message: "No stored file for that evidence version.");

    private async Task<EvidenceVersion> FindAsync(Guid evidenceId, int number, CancellationToken cancellationToken) =>
        await db.EvidenceVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.EvidenceId == evidenceId && v.Number == number && v.Kind == EvidenceKinds.File && v.Sha256 != null, cancellationToken)
        ?? throw Missing();
}
