using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

public sealed class ListAiEvidenceHandler(HarmoniaDbContext db)
{
    public async Task<Page<AiEvidenceDto>> HandleAsync(PageRequest page, string? aiSystem, CancellationToken cancellationToken = default)
    {
        var query = db.AiEvidence.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(aiSystem))
        {
            query = query.Where(e => db.AiSystems.Any(a => a.Id == e.AiSystemId && a.Key == aiSystem));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(e => e.MeasuredOn).ThenBy(e => db.AiSystems.Where(a => a.Id == e.AiSystemId).Select(a => a.Key).FirstOrDefault()).ThenBy(e => e.Metric).ThenBy(e => e.Id)
            .Skip(page.Skip).Take(page.PageSize).Include(e => e.ControlLinks).AsSplitQuery().ToListAsync(cancellationToken);
        return new Page<AiEvidenceDto>(await AiEvidenceDto.ForAsync(db, items, cancellationToken), page.PageNumber, page.PageSize, total);
    }
}
