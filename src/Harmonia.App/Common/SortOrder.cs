using System.Linq.Expressions;

namespace Harmonia.App.Common;

/// <summary>
/// The column a register is sorted by, written "column" or "-column" (descending) in the address and the API, so a
/// sorted, filtered view is a link someone can bookmark or send.
/// </summary>
public sealed record SortOrder(string Column, bool Descending)
{
    public string Value => Descending ? "-" + Column : Column;

    /// <summary>The order asked for, or <paramref name="fallback"/> when none was; an unknown column is refused with the known ones.</summary>
    public static SortOrder Parse(string? sort, IReadOnlyCollection<string> columns, SortOrder fallback)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return fallback;
        }

        var trimmed = sort.Trim();
        var order = trimmed.StartsWith('-') ? new SortOrder(trimmed[1..], true) : new SortOrder(trimmed, false);
        return columns.Contains(order.Column, StringComparer.Ordinal)
            ? order
            : throw new InvalidInputException(new Dictionary<string, string[]> { ["sort"] = [$"sort is one of {string.Join(", ", columns)}, with a leading '-' for descending order."] });
    }

    /// <summary>The query ordered by the column's key, then by <paramref name="tieBreak"/> so pages never overlap.</summary>
    public IOrderedQueryable<T> Apply<T>(IQueryable<T> query, IReadOnlyDictionary<string, Expression<Func<T, object?>>> keys, Expression<Func<T, object?>> tieBreak)
    {
        var key = keys[Column];
        var ordered = Descending ? query.OrderByDescending(key) : query.OrderBy(key);
        return ordered.ThenBy(tieBreak);
    }
}
