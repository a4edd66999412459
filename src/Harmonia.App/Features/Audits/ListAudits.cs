using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Audits;

/// <summary>The audit programme, newest planned first.</summary>
public sealed class ListAuditsHandler(HarmoniaDbContext db)
{
    public async Task<Page<AuditDto>> HandleAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var total = await db.Audits.CountAsync(cancellationToken);
        var items = await db.Audits.AsNoTracking().OrderByDescending(a => a.PlannedStart).ThenBy(a => a.Key).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<AuditDto>(items.Select(AuditDto.From).ToArray(), page.PageNumber, page.PageSize, total);
    }
}
