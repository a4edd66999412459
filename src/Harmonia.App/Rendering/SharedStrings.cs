using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Harmonia.App.Rendering;

/// <summary>The workbook's shared string table: each distinct text stored once, as Excel itself writes it.</summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly SharedStringTable _table = new();
    private int _references;

    /// <summary>The index of <paramref name="text"/> as a cell value.</summary>
    public string Index(string text)
    {
        _references++;
        var stored = ExcelText.Cell(text);
        if (!_indexes.TryGetValue(stored, out var index))
        {
            index = _indexes.Count;
            _indexes.Add(stored, index);
            _table.Append(new SharedStringItem(new Text(stored) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return index.ToString(CultureInfo.InvariantCulture);
    }

    public void AddTo(WorkbookPart workbook)
    {
        var part = workbook.AddNewPart<SharedStringTablePart>();
        _table.Count = (uint)_references;
        _table.UniqueCount = (uint)_indexes.Count;
        part.SharedStringTable = _table;
        part.SharedStringTable.Save();
    }
}
