using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Audits;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Audits;

public sealed class ListNonconformitiesHandler(HarmoniaDbContext db)
{
    /// <param name="open">Only those not closed.</param>
    public async Task<Page<NonconformityDto>> HandleAsync(PageRequest page, bool open, CancellationToken cancellationToken = default)
    {
        var closed = nameof(NonconformityState.Closed);
        var query = open ? db.Nonconformities.AsNoTracking().Where(n => n.State != closed) : db.Nonconformities.AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(n => n.Key.Length).ThenBy(n => n.Key).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<NonconformityDto>(items.Select(NonconformityDto.From).ToArray(), page.PageNumber, page.PageSize, total);
    }

    /// <summary>Throws NotFoundException when the organization has no such nonconformity.</summary>
    public async Task<NonconformityDto> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Nonconformities.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) is { } found ? NonconformityDto.From(found) : throw new NotFoundException("nonconformity");
}
