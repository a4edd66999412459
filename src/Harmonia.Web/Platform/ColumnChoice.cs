namespace Harmonia.Web.Platform;

/// <summary>
/// The columns a wide register shows, from <c>cols</c> in its address (one value per column shown), so a narrowed view
/// is a link like its filter and order. No <c>cols</c> shows every column; the key column is always shown, since a row
/// without it cannot be told from another; a column the register does not have is ignored, and an address naming none
/// it has shows them all rather than an empty table.
/// </summary>
public sealed class ColumnChoice
{
    private readonly HashSet<string> _shown;

    public ColumnChoice(IReadOnlyList<(string Id, string Label)> columns, string keyColumn, IEnumerable<string>? chosen)
    {
        Columns = columns;
        KeyColumn = keyColumn;
        var known = (chosen ?? []).Where(c => columns.Any(k => k.Id == c && c != keyColumn)).ToHashSet(StringComparer.Ordinal);
        var named = chosen?.Any(c => columns.Any(k => k.Id == c)) == true;
        _shown = named ? [.. known, keyColumn] : columns.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<(string Id, string Label)> Columns { get; }

    public string KeyColumn { get; }

    public bool AllShown => _shown.Count == Columns.Count;

    public int HiddenCount => Columns.Count - _shown.Count;

    public bool Shows(string column) => _shown.Contains(column);

    /// <summary>"&amp;cols=…" for each column shown, in the register's order, or nothing when every column is.</summary>
    public string Query => AllShown ? string.Empty : string.Concat(Columns.Where(c => Shows(c.Id)).Select(c => "&cols=" + Uri.EscapeDataString(c.Id)));

    /// <summary>The <c>cols</c> values to carry in another of the page's forms, none when every column is shown.</summary>
    public IEnumerable<string> Values => AllShown ? [] : Columns.Where(c => Shows(c.Id)).Select(c => c.Id);
}
