using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Controls;

public sealed class ListControlsHandler(HarmoniaDbContext db)
{
    public async Task<Page<ControlDto>> HandleAsync(PageRequest page, string? status, string? requirementId = null, CancellationToken cancellationToken = default)
    {
        var query = db.Controls.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(c => c.Status == status);
        }

        if (requirementId is not null)
        {
            query = query.Where(c => c.Requirements.Any(r => r.RequirementId == requirementId));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.Key).Skip(page.Skip).Take(page.PageSize)
            .Include(c => c.Requirements).Include(c => c.Evidence).ThenInclude(e => e.Versions).AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new Page<ControlDto>(items.Select(ControlDto.From).ToArray(), page.PageNumber, page.PageSize, total);
    }
}
