using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Evidence;

/// <summary>
/// Supersedes a piece of evidence with a new version (this year's review, the renewed certificate). Earlier
/// versions stay as they were: they are what an auditor saw last year.
/// </summary>
public sealed class AddEvidenceVersionHandler(HarmoniaDbContext db, EvidenceVersionFactory versions, GetEvidenceHandler get)
{
    /// <summary>Throws NotFoundException when the organization has no such evidence.</summary>
    public async Task<EvidenceDetailDto> HandleAsync(Guid evidenceId, EvidenceInput input, EvidenceUpload? upload, CancellationToken cancellationToken = default)
    {
        EvidenceInputValidator.Validate(input, titleRequired: false, hasFile: upload is not null);
        if (!await db.Evidence.AnyAsync(e => e.Id == evidenceId, cancellationToken))
        {
            throw new NotFoundException("evidence");
        }

        var version = await versions.CreateAsync(input, upload, cancellationToken);

        // The newest number is read and the next one written under the organization's write lock: two versions posted
        // at the same moment both read n, both wrote n + 1, and the second answered 500 (issue 20).
        await using var transaction = await db.BeginOrganizationWriteAsync(cancellationToken);
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId, cancellationToken)
            ?? throw new NotFoundException("evidence");
        await versions.EnsureRoomAsync(version, cancellationToken);
        version.Number = evidence.CurrentVersion + 1;
        version.EvidenceId = evidence.Id;
        db.EvidenceVersions.Add(version);
        evidence.CurrentVersion = version.Number;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await get.HandleAsync(evidenceId, cancellationToken);
    }
}
