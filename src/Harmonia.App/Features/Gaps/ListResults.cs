using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Gaps;

public sealed class ListResultsHandler(HarmoniaDbContext db)
{
    public async Task<Page<ResultDto>> HandleAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var total = await db.RequirementResults.CountAsync(cancellationToken);
        var items = await db.RequirementResults.AsNoTracking().OrderBy(r => r.RequirementId).Skip(page.Skip).Take(page.PageSize)
            .Select(r => new ResultDto(r.RequirementId, r.Result, r.Reason)).ToListAsync(cancellationToken);
        return new Page<ResultDto>(items, page.PageNumber, page.PageSize, total);
    }
}
