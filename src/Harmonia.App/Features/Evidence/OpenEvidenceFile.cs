using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Evidence;

public sealed record EvidenceFileContent(Stream Content, string FileName, string ContentType, string Sha256);

/// <summary>The stored file of one evidence version, for download.</summary>
public sealed class OpenEvidenceFileHandler(HarmoniaDbContext db, EvidenceFileStore store)
{
    /// <summary>Not found when there is no such version, it is not a file, or the store lost the file.</summary>
    public async Task<EvidenceFileContent> HandleAsync(Guid evidenceId, int number, CancellationToken cancellationToken = default)
    {
        var version = await db.EvidenceVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.EvidenceId == evidenceId && v.Number == number && v.Kind == EvidenceKinds.File, cancellationToken);
        return version?.Sha256 is { } sha256 && store.Open(sha256) is { } stream
            ? new EvidenceFileContent(stream, version.FileName ?? "evidence", version.ContentType ?? "application/octet-stream", sha256)
            : throw new NotFoundException("file", message: "No stored file for that evidence version.");
    }
}
