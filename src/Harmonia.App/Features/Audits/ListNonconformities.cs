using System.Linq.Expressions;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Audits;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Audits;

public sealed class ListNonconformitiesHandler(HarmoniaDbContext db)
{
    public static readonly SortOrder DefaultSort = new("key", false);

    /// <summary>
    /// The columns the list sorts by: keys by number (NC-2 before NC-10), grades and states in their order (a major
    /// before a minor when descending), text in lower case, requirements by the first one named.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<NonconformityDto, object?>>> SortKeys = new Dictionary<string, Expression<Func<NonconformityDto, object?>>>(StringComparer.Ordinal)
    {
        ["key"] = n => Tuple.Create(n.Key.Length, n.Key),
        ["grade"] = n => n.Nonconformity.Grade,
        ["finding"] = n => n.Nonconformity.Text.ToLowerInvariant(),
        ["requirements"] = n => string.Join(",", n.Nonconformity.RequirementIds),
        ["state"] = n => n.Nonconformity.State,
        ["source"] = n => n.Nonconformity.Source.ToLowerInvariant(),
        ["raised"] = n => n.Nonconformity.RaisedOn,
    };

    /// <param name="open">Only those not closed.</param>
    public async Task<Page<NonconformityDto>> HandleAsync(PageRequest page, bool open, CancellationToken cancellationToken = default)
    {
        var closed = nameof(NonconformityState.Closed);
        var query = open ? db.Nonconformities.AsNoTracking().Where(n => n.State != closed) : db.Nonconformities.AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(n => n.Key.Length).ThenBy(n => n.Key).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<NonconformityDto>(items.Select(NonconformityDto.From).ToArray(), page.PageNumber, page.PageSize, total);
    }

    /// <summary>A page of the list in the order asked for.</summary>
    public async Task<Page<NonconformityDto>> HandleAsync(PageRequest page, bool open, SortOrder sort, CancellationToken cancellationToken = default)
    {
        var all = await MatchingAsync(open, sort, cancellationToken);
        return new Page<NonconformityDto>(all.Skip(page.Skip).Take(page.PageSize).ToArray(), page.PageNumber, page.PageSize, all.Count);
    }

    /// <summary>
    /// Every nonconformity (or every one not closed) in the order asked for; the export of a view reads the same. The
    /// order is taken in memory because the finding, source and date live in the record's JSON; an organization
    /// raises tens of nonconformities a year, not thousands.
    /// </summary>
    public async Task<IReadOnlyList<NonconformityDto>> MatchingAsync(bool open, SortOrder? sort, CancellationToken cancellationToken = default)
    {
        var closed = nameof(NonconformityState.Closed);
        var query = open ? db.Nonconformities.AsNoTracking().Where(n => n.State != closed) : db.Nonconformities.AsNoTracking();
        var items = (await query.ToListAsync(cancellationToken)).Select(NonconformityDto.From);
        return (sort ?? DefaultSort).Apply(items.AsQueryable(), SortKeys, n => Tuple.Create(n.Key.Length, n.Key)).ToArray();
    }

    /// <summary>Throws NotFoundException when the organization has no such nonconformity.</summary>
    public async Task<NonconformityDto> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Nonconformities.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) is { } found ? NonconformityDto.From(found) : throw new NotFoundException("nonconformity");
}
