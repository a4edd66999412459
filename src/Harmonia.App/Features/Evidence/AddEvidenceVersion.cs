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
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId, cancellationToken);
        if (evidence is null)
        {
            throw new NotFoundException("evidence");
        }

        var number = evidence.CurrentVersion + 1;
        var version = await versions.CreateAsync(number, input, upload, cancellationToken);
        version.EvidenceId = evidence.Id;
        db.EvidenceVersions.Add(version);
        evidence.CurrentVersion = number;
        await db.SaveChangesAsync(cancellationToken);
        return await get.HandleAsync(evidenceId, cancellationToken);
    }
}
