using System.Linq.Expressions;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Risks;

public sealed record RiskRegister(Page<RiskDto> Page, IReadOnlyList<HeatMapCell> Inherent, IReadOnlyList<HeatMapCell> Residual, MethodologyVersion Methodology);

/// <summary>The register, paged (the query reads one page, not the table), with heat maps counted in the database.</summary>
public sealed class ListRisksHandler(HarmoniaDbContext db, GetRiskMethodologyHandler methodology)
{
    public static readonly SortOrder DefaultSort = new("key", false);

    /// <summary>Text in lower case, so it sorts as people read it rather than by character code whatever the database collation. The columns the register sorts by; the levels by their score (likelihood x impact).</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<RiskRecord, object?>>> SortKeys = new Dictionary<string, Expression<Func<RiskRecord, object?>>>(StringComparer.Ordinal)
    {
        ["key"] = r => r.Key,
        ["title"] = r => r.Title.ToLower(),
        ["inherent"] = r => r.InherentLikelihood * r.InherentImpact,
        ["treatment"] = r => r.Treatment,
        ["residual"] = r => r.ResidualLikelihood * r.ResidualImpact,
        ["owner"] = r => r.Owner!.ToLower(),
    };

    /// <summary>The register's filter: one category, or one risk by its key; the export of a view applies the same.</summary>
    internal static IQueryable<RiskRecord> Filter(IQueryable<RiskRecord> query, string? category, string? key)
    {
        if (!string.IsNullOrWhiteSpace(key))
        {
            query = query.Where(r => r.Key == key);
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            query = query.Where(r => ("," + r.Categories + ",").Contains("," + category + ","));
        }

        return query;
    }

    /// <param name="key">One risk only (the link a search hit opens), or null for the register.</param>
    public async Task<RiskRegister> HandleAsync(PageRequest page, string? category, string? key, SortOrder? sort = null, CancellationToken cancellationToken = default)
    {
        var current = await methodology.HandleAsync(cancellationToken);
        var query = Filter(db.Risks.AsNoTracking(), category, key);

        var total = await query.CountAsync(cancellationToken);
        var items = await (sort ?? DefaultSort).Apply(query, SortKeys, r => r.Key).Skip(page.Skip).Take(page.PageSize).Include(r => r.ControlLinks).Include(r => r.AiSystemLinks).AsSplitQuery().ToListAsync(cancellationToken);
        var (aiSystemKeys, controlKeys) = (await db.AiSystemKeysAsync(cancellationToken), await db.ControlKeysAsync(cancellationToken));
        var accounts = await db.MemberAccountsAsync(cancellationToken);
        var inherent = await query.GroupBy(r => new { r.InherentLikelihood, r.InherentImpact }).Select(g => new { g.Key.InherentLikelihood, g.Key.InherentImpact, Count = g.Count() }).ToListAsync(cancellationToken);
        var residual = await query.GroupBy(r => new { r.ResidualLikelihood, r.ResidualImpact }).Select(g => new { g.Key.ResidualLikelihood, g.Key.ResidualImpact, Count = g.Count() }).ToListAsync(cancellationToken);
        var size = current.Methodology.Size;
        return new RiskRegister(
            new Page<RiskDto>(items.Select(r => RiskDto.From(r, current.Methodology, aiSystemKeys, controlKeys, accounts)).ToArray(), page.PageNumber, page.PageSize, total),
            RiskHeatMap.Cells(current.Methodology, inherent.SelectMany(c => Enumerable.Repeat((Math.Clamp(c.InherentLikelihood, 1, size), Math.Clamp(c.InherentImpact, 1, size)), c.Count))),
            RiskHeatMap.Cells(current.Methodology, residual.SelectMany(c => Enumerable.Repeat((Math.Clamp(c.ResidualLikelihood, 1, size), Math.Clamp(c.ResidualImpact, 1, size)), c.Count))),
            current);
    }
}
