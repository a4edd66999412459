using System.Linq.Expressions;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Controls;

public sealed class ListControlsHandler(HarmoniaDbContext db)
{
    public static readonly SortOrder DefaultSort = new("key", false);

    /// <summary>Text in lower case, so it sorts as people read it rather than by character code whatever the database collation. The columns the register sorts by.</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<ControlRecord, object?>>> SortKeys = new Dictionary<string, Expression<Func<ControlRecord, object?>>>(StringComparer.Ordinal)
    {
        ["key"] = c => c.Key,
        ["name"] = c => c.Name.ToLower(),
        ["owner"] = c => c.Owner!.ToLower(),
        ["status"] = c => c.Status,
    };

    public async Task<Page<ControlDto>> HandleAsync(PageRequest page, string? status, string? requirementId = null, SortOrder? sort = null, CancellationToken cancellationToken = default)
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
        var items = await (sort ?? DefaultSort).Apply(query, SortKeys, c => c.Key).Skip(page.Skip).Take(page.PageSize)
            .Include(c => c.Requirements).Include(c => c.Evidence).ThenInclude(e => e.Versions).AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new Page<ControlDto>(items.Select(ControlDto.From).ToArray(), page.PageNumber, page.PageSize, total);
    }
}
