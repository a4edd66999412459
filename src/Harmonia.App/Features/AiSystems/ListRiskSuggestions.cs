using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

public sealed class ListRiskSuggestionsHandler(HarmoniaDbContext db)
{
    /// <param name="status">open (default), accepted, dismissed or all.</param>
    public async Task<Page<RiskSuggestionDto>> HandleAsync(PageRequest page, string? status, CancellationToken cancellationToken = default)
    {
        var query = db.RiskSuggestions.AsNoTracking();
        status ??= "open";
        if (status != "all")
        {
            query = query.Where(s => s.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(s => s.CreatedUtc).ThenBy(s => s.Title).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<RiskSuggestionDto>(await RiskSuggestionDto.ForAsync(db, items, cancellationToken), page.PageNumber, page.PageSize, total);
    }
}
