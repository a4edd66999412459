using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Controls;

public sealed class GetControlHandler(HarmoniaDbContext db)
{
    /// <returns>Null when the organization has no such control (another tenant's id included).</returns>
    public async Task<ControlDto?> HandleAsync(Guid controlId, CancellationToken cancellationToken = default)
    {
        var control = await db.Controls.AsNoTracking().Include(c => c.Requirements).Include(c => c.Evidence).ThenInclude(e => e.Versions)
            .SingleOrDefaultAsync(c => c.Id == controlId, cancellationToken);
        return control is null ? null : ControlDto.From(control);
    }
}
