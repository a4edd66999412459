using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Evidence;

/// <summary>Attaches a new piece of evidence (file, link or record) to a control, as version 1.</summary>
public sealed class AddEvidenceHandler(HarmoniaDbContext db, EvidenceVersionFactory versions)
{
    /// <summary>Throws NotFoundException when the organization has no such control (another tenant's id included).</summary>
    public async Task<EvidenceDetailDto> HandleAsync(Guid controlId, EvidenceInput input, EvidenceUpload? upload, CancellationToken cancellationToken = default)
    {
        EvidenceInputValidator.Validate(input, titleRequired: true, hasFile: upload is not null);
        var control = await db.Controls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == controlId, cancellationToken);
        if (control is null)
        {
            throw new NotFoundException("control");
        }

        var version = await versions.CreateAsync(input, upload, cancellationToken);
        version.Number = 1;

        // The quota is read and the row written under the organization's write lock: concurrent uploads cannot pass it together.
        await using var transaction = await db.BeginOrganizationWriteAsync(cancellationToken);
        await versions.EnsureRoomAsync(version, cancellationToken);
        var evidence = new EvidenceRecord { ControlId = control.Id, Title = input.Title!.Trim(), CurrentVersion = 1, Versions = [version] };
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EvidenceDetailDto(evidence.Id, control.Id, control.Key, control.Name, evidence.Title, [EvidenceVersionDto.From(version)]);
    }
}
