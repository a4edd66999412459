namespace Harmonia.App.Rendering;

/// <summary>
/// One sheet of a tabular export: a header row from <paramref name="Columns"/>, then <paramref name="Rows"/>. A row
/// may be shorter than the header (the rest is empty) but not longer.
/// </summary>
public sealed record TabularSheet(string Name, IReadOnlyList<TabularColumn> Columns, IReadOnlyList<IReadOnlyList<TabularCell>> Rows)
{
    /// <summary>The row padded to the header's width, so writers never index past a short row.</summary>
    internal TabularCell[] Row(int index)
    {
        var row = Rows[index];
        if (row.Count > Columns.Count)
        {
            throw new ArgumentException($"Row {index + 1} of sheet \"{Name}\" has {row.Count} cells but the sheet has {Columns.Count} columns.");
        }

        var cells = new TabularCell[Columns.Count];
        for (var i = 0; i < row.Count; i++)
        {
            cells[i] = row[i];
        }

        return cells;
    }
}

/// <summary>A column header; <paramref name="Width"/> in characters, 0 to size it from the content.</summary>
public sealed record TabularColumn(string Header, double Width = 0);
