using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>The AI system inventory, one page at a time, each with the standing of its impact assessment.</summary>
public sealed class ListAiSystemsHandler(HarmoniaDbContext db, AiSystemStandings standings)
{
    public async Task<Page<AiSystemDto>> HandleAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var total = await db.AiSystems.CountAsync(cancellationToken);
        var items = await db.AiSystems.AsNoTracking().OrderBy(a => a.Key).Skip(page.Skip).Take(page.PageSize).Include(a => a.ControlLinks).AsSplitQuery().ToListAsync(cancellationToken);
        var controlKeys = await db.ControlKeysAsync(cancellationToken);
        var standing = await standings.ForAsync(items, cancellationToken);
        return new Page<AiSystemDto>(items.Select(a => AiSystemDto.From(a, standing[a.Id], controlKeys)).ToArray(), page.PageNumber, page.PageSize, total);
    }
}
