using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Evidence;

/// <summary>
/// Builds a version from validated input in two steps: <see cref="CreateAsync"/> stores the file first (outside any
/// lock: an upload may take long), so a refused file leaves no row behind; <see cref="EnsureRoomAsync"/> checks the
/// quota under the organization's write lock, together with the numbering.
/// </summary>
public sealed class EvidenceVersionFactory(HarmoniaDbContext db, IEvidenceStore store, EvidenceStoreSettings settings, AuditActor actor, TimeProvider time)
{
    /// <summary>The version without its number: the caller numbers it under the organization's write lock.</summary>
    public async Task<EvidenceVersion> CreateAsync(EvidenceInput input, EvidenceUpload? upload, CancellationToken cancellationToken)
    {
        var version = new EvidenceVersion
        {
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
            version.FileName = stored.FileName;
            version.ContentType = stored.ContentType;
            version.Sha256 = stored.Sha256;
            version.SizeBytes = stored.SizeBytes;
        }

        return version;
    }

    /// <summary>
    /// Refuses a file that would take the organization past its quota. Called under the organization's write lock, so
    /// concurrent uploads are counted one after the other; a refused file is left to the orphan sweep, like any file no row names.
    /// </summary>
    public async Task EnsureRoomAsync(EvidenceVersion version, CancellationToken cancellationToken)
    {
        if (version.SizeBytes is not { } size)
        {
            return;
        }

        var used = await db.EvidenceVersions.Where(v => v.SizeBytes != null).SumAsync(v => v.SizeBytes!.Value, cancellationToken);
        if (used + size > settings.MaxBytesPerOrganization)
        {
            throw new LimitReachedException(
                $"The organization's evidence storage is full: {Megabytes(used)} of {Megabytes(settings.MaxBytesPerOrganization)} used, and this file needs {Megabytes(size)}. " +
                "Link large files where they already live instead of uploading them, delete evidence no longer needed, or ask the administrator to raise Evidence:MaxBytesPerOrganization.");
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
