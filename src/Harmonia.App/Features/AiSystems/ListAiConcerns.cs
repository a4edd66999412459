using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>AI incidents and concerns, open first, newest first.</summary>
public sealed class ListAiConcernsHandler(HarmoniaDbContext db)
{
    public async Task<Page<AiConcernDto>> HandleAsync(PageRequest page, bool openOnly = false, CancellationToken cancellationToken = default)
    {
        var query = db.AiConcerns.AsNoTracking().Where(c => !openOnly || c.Status == AiConcernValues.Open);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.Status == AiConcernValues.Open ? 0 : 1).ThenByDescending(c => c.ReportedOn).ThenByDescending(c => c.Key)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var aiSystemKeys = await db.AiSystemKeysAsync(cancellationToken);
        return new Page<AiConcernDto>(items.Select(c => AiConcernDto.From(c, aiSystemKeys)).ToArray(), page.PageNumber, page.PageSize, total);
    }
}
