using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Evidence;

/// <summary>
/// Removes a piece of evidence and its versions from the control. The audit trail keeps what each version was
/// (hash, name, dates); the stored files stay for Evidence:RetainDeletedFor (the save notes them as released), then the sweep removes them.
/// </summary>
public sealed class DeleteEvidenceHandler(HarmoniaDbContext db)
{
    public async Task HandleAsync(Guid evidenceId, CancellationToken cancellationToken = default)
    {
        var evidence = await db.Evidence.Include(e => e.Versions).SingleOrDefaultAsync(e => e.Id == evidenceId, cancellationToken);
        if (evidence is null)
        {
            throw new NotFoundException("evidence");
        }

        db.EvidenceVersions.RemoveRange(evidence.Versions);
        db.Evidence.Remove(evidence);
        await db.SaveChangesAsync(cancellationToken);
    }
}
