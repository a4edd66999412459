using Harmonia.App.Common;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Evidence;

/// <summary>Builds a version from validated input: stores the file first, so a refused file leaves no row behind.</summary>
public sealed class EvidenceVersionFactory(EvidenceFileStore store, AuditActor actor, TimeProvider time)
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
            version.FileName = stored.FileName;
            version.ContentType = stored.ContentType;
            version.Sha256 = stored.Sha256;
            version.SizeBytes = stored.SizeBytes;
        }

        return version;
    }
}
