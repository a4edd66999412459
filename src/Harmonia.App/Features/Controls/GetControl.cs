using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Controls;

public sealed class GetControlHandler(HarmoniaDbContext db)
{
    /// <summary>Throws NotFoundException when the organization has no such control (another tenant's id included).</summary>
    public async Task<ControlDto> HandleAsync(Guid controlId, CancellationToken cancellationToken = default)
    {
        var control = await db.Controls.AsNoTracking().Include(c => c.Requirements).Include(c => c.Evidence).ThenInclude(e => e.Versions)
            .SingleOrDefaultAsync(c => c.Id == controlId, cancellationToken);
        return control is null ? throw new NotFoundException("control") : ControlDto.From(control);
    }
}
