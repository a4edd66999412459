using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Evidence;

/// <summary>Builds a version from validated input: stores the file first, so a refused file leaves no row behind.</summary>
public sealed class EvidenceVersionFactory(HarmoniaDbContext db, EvidenceFileStore store, EvidenceStoreSettings settings, AuditActor actor, TimeProvider time)
{
    public async Task<EvidenceVersion> CreateAsync(int number, EvidenceInput input, EvidenceUpload? upload, CancellationToken cancellationToken)
    {
        var version = new EvidenceVersion
        {
            Number = number,
            Kind = upload is not null ? EvidenceKinds.File : string.IsNullOrWhiteSpace(input.Url) ? EvidenceKinds.Record : EvidenceKinds.Link,
            Url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim(),
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            EffectiveOn = input.EffectiveOn,
            ExpiresOn = input.ExpiresOn,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Name,
        };
        if (upload is not null)
        {
            var stored = await store.SaveAsync(upload.Content, upload.FileName, upload.ExpectedSha256, cancellationToken);

            // Checked once the size is known; a refused file is left to the orphan sweep, like any file no row names.
            var used = await db.EvidenceVersions.Where(v => v.SizeBytes != null).SumAsync(v => v.SizeBytes!.Value, cancellationToken);
            if (used + stored.SizeBytes > settings.MaxBytesPerOrganization)
            {
                throw new LimitReachedException(
                    $"The organization's evidence storage is full: {Megabytes(used)} of {Megabytes(settings.MaxBytesPerOrganization)} used, and this file needs {Megabytes(stored.SizeBytes)}. " +
                    "Link large files where they already live instead of uploading them, delete evidence no longer needed, or ask the administrator to raise Evidence:MaxBytesPerOrganization.");
            }

            version.FileName = stored.FileName;
            version.ContentType = stored.ContentType;
            version.Sha256 = stored.Sha256;
            version.SizeBytes = stored.SizeBytes;
        }

        return version;
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
