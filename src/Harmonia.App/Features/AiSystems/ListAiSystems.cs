using System.Linq.Expressions;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.AiSystems;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>
/// The inventory's filters: the life-cycle stage, and whether the impact assessment is missing, current or due. A
/// value that names nothing known is a field error, not an empty list.
/// </summary>
public sealed record AiSystemFilter(string? Stage = null, string? Assessment = null);

/// <summary>The AI system inventory, one page at a time, each with the standing of its impact assessment.</summary>
public sealed class ListAiSystemsHandler(HarmoniaDbContext db, AiSystemStandings standings)
{
    public static readonly SortOrder DefaultSort = new("key", false);

    /// <summary>
    /// The columns the inventory sorts by. The order is taken in memory: the assessment's standing is worked out from
    /// the approved assessments and today's date, not stored, and an organization's inventory is tens of systems.
    /// Text in lower case, so it sorts as people read it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<AiSystemDto, object?>>> SortKeys = new Dictionary<string, Expression<Func<AiSystemDto, object?>>>(StringComparer.Ordinal)
    {
        ["key"] = a => Tuple.Create(a.Key.Length, a.Key),
        ["name"] = a => a.Name.ToLowerInvariant(),
        ["roles"] = a => string.Join(",", a.Roles),
        ["stage"] = a => Array.IndexOf(AiSystemFacts.Stages, a.LifecycleStage ?? string.Empty),
        ["euaiact"] = a => Array.IndexOf(AiSystemFacts.EuAiActClasses, a.EuAiActClass ?? string.Empty),
        ["assessment"] = a => a.Assessment.Currency,
    };

    public async Task<Page<AiSystemDto>> HandleAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        await HandleAsync(new AiSystemFilter(), page, null, cancellationToken);

    public async Task<Page<AiSystemDto>> HandleAsync(AiSystemFilter filter, PageRequest page, SortOrder? sort, CancellationToken cancellationToken = default)
    {
        var all = await MatchingAsync(filter, sort, cancellationToken);
        return new Page<AiSystemDto>(all.Skip(page.Skip).Take(page.PageSize).ToArray(), page.PageNumber, page.PageSize, all.Count);
    }

    /// <summary>Every AI system the filter lets through, in the order asked for; the export of a view reads the same. Throws InvalidInputException for a filter value that names nothing.</summary>
    public async Task<IReadOnlyList<AiSystemDto>> MatchingAsync(AiSystemFilter filter, SortOrder? sort, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var stage = string.IsNullOrWhiteSpace(filter.Stage) ? null : filter.Stage.Trim();
        if (stage is not null && !AiSystemFacts.Stages.Contains(stage, StringComparer.Ordinal))
        {
            errors["stage"] = [$"stage is one of: {string.Join(", ", AiSystemFacts.Stages)}."];
        }

        AssessmentCurrency? assessment = null;
        if (!string.IsNullOrWhiteSpace(filter.Assessment))
        {
            assessment = Enum.TryParse<AssessmentCurrency>(filter.Assessment.Trim(), ignoreCase: true, out var currency) && Enum.IsDefined(currency) ? currency : null;
            if (assessment is null)
            {
                errors["assessment"] = ["assessment is one of: missing, current, due."];
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var query = db.AiSystems.AsNoTracking();
        if (stage is not null)
        {
            query = query.Where(a => a.LifecycleStage == stage);
        }

        var records = await query.Include(a => a.ControlLinks).AsSplitQuery().ToListAsync(cancellationToken);
        var controlKeys = await db.ControlKeysAsync(cancellationToken);
        var standing = await standings.ForAsync(records, cancellationToken);
        var systems = records.Select(a => AiSystemDto.From(a, standing[a.Id], controlKeys))
            .Where(a => assessment is null || a.Assessment.Currency == assessment);
        return (sort ?? DefaultSort).Apply(systems.AsQueryable(), SortKeys, a => Tuple.Create(a.Key.Length, a.Key)).ToArray();
    }
}
