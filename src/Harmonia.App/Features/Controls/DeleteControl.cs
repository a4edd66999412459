using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Controls;

public sealed class DeleteControlHandler(HarmoniaDbContext db)
{
    /// <summary>Throws NotFoundException when the organization has no such control.</summary>
    public async Task HandleAsync(Guid controlId, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var control = await db.Controls.Include(c => c.Requirements).Include(c => c.Evidence).ThenInclude(e => e.Versions).SingleOrDefaultAsync(c => c.Id == controlId, cancellationToken);
        if (control is null)
        {
            throw new NotFoundException("control");
        }

        if (expectedVersion is { } version && version != control.Version)
        {
            throw new VersionConflictException(control.Version);
        }

        db.Controls.Remove(control);
        await db.SaveChangesAsync(cancellationToken);
    }
}
