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
            query = query.Where(e => e.AiSystemKey == aiSystem);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.MeasuredOn).ThenBy(e => e.AiSystemKey).ThenBy(e => e.Metric).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<AiEvidenceDto>(items.Select(AiEvidenceDto.From).ToArray(), page.PageNumber, page.PageSize, total);
    }
}
