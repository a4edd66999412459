using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Harmonia.App.Rendering;

/// <summary>
/// Excel workbooks through the Open XML SDK: one worksheet per sheet, a bold frozen header row with an AutoFilter,
/// sized columns, and numbers and dates stored as values so they sort and filter as such.
/// </summary>
public static class XlsxTableWriter
{
    /// <summary>Auto widths stop here; longer text wraps instead of making a column wider than the screen.</summary>
    private const double MaxAutoWidth = 60;

    /// <summary>Excel's own limit for a column width.</summary>
    private const double MaxWidth = 255;

    /// <summary>Excel's serial dates count 1900 as a leap year, so they agree with OLE dates only from this day on.</summary>
    private static readonly DateOnly FirstSerialDate = new(1900, 3, 1);

    public static byte[] Write(IReadOnlyList<TabularSheet> sheets, string? title = null)
    {
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Creator = "Harmonia";
            document.PackageProperties.Title = title;
            var workbook = document.AddWorkbookPart();
            XlsxStyles.Add(workbook);
            var strings = new SharedStrings();
            var names = ExcelSheetNames.Unique(sheets.Select(s => s.Name));
            var sheetList = new Sheets();
            var definedNames = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheets[i], selected: i == 0, strings);
                part.Worksheet.Save();
                sheetList.Append(new Sheet { Name = names[i], SheetId = (uint)(i + 1), Id = workbook.GetIdOfPart(part) });
                if (FilterRange(sheets[i]) is { } range)
                {
                    // Excel keeps an AutoFilter's range in this hidden name too and repairs the file when it is missing.
                    definedNames.Append(new DefinedName($"'{names[i].Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(range)}")
                    {
                        Name = "_xlnm._FilterDatabase",
                        LocalSheetId = (uint)i,
                        Hidden = true,
                    });
                }
            }

            workbook.Workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheetList);
            if (definedNames.HasChildren)
            {
                workbook.Workbook.Append(definedNames);
            }

            strings.AddTo(workbook);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet Worksheet(TabularSheet sheet, bool selected, SharedStrings strings)
    {
        var rows = Enumerable.Range(0, sheet.Rows.Count).Select(sheet.Row).ToArray();
        var widths = ColumnWidths(sheet, rows);
        var worksheet = new Worksheet();
        var range = FilterRange(sheet);
        if (range is not null)
        {
            worksheet.Append(new SheetDimension { Reference = range });
        }

        worksheet.Append(new SheetViews(FrozenHeaderView(selected)));
        if (widths.Length > 0)
        {
            worksheet.Append(new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
        }

        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            var cell = new Cell { CellReference = Reference(c, 1), StyleIndex = XlsxStyles.Header };
            if (sheet.Columns[c].Header.Length > 0)
            {
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(strings.Index(sheet.Columns[c].Header));
            }

            header.Append(cell);
        }

        data.Append(header);
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 2) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (DataCell(rows[r][c], widths[c], strings) is { } cell)
                {
                    cell.CellReference = Reference(c, r + 2);
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        worksheet.Append(data);
        if (range is not null)
        {
            worksheet.Append(new AutoFilter { Reference = range });
        }

        worksheet.Append(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        return worksheet;
    }

    private static SheetView FrozenHeaderView(bool selected) =>
        new(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            TabSelected = selected ? true : null,
            WorkbookViewId = 0,
        };

    private static Cell? DataCell(TabularCell value, double width, SharedStrings strings)
    {
        switch (value.Kind)
        {
            case TabularCellKind.Text:
                var text = value.TextValue!;
                var wraps = text.Contains('\n', StringComparison.Ordinal) || text.Length > width;
                return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.Index(text)), StyleIndex = wraps ? XlsxStyles.Wrapped : XlsxStyles.Data };
            case TabularCellKind.Number:
                return new Cell { CellValue = new CellValue(value.NumberValue!.Value.ToString("R", CultureInfo.InvariantCulture)), StyleIndex = XlsxStyles.Data };
            case TabularCellKind.Date when value.DateValue!.Value >= FirstSerialDate:
                var serial = value.DateValue.Value.ToDateTime(TimeOnly.MinValue).ToOADate();
                return new Cell { CellValue = new CellValue(serial.ToString(CultureInfo.InvariantCulture)), StyleIndex = XlsxStyles.Date };
            case TabularCellKind.Date:
                // Excel cannot show earlier dates as dates; the ISO text at least keeps the value.
                return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.Index(value.DateValue.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), StyleIndex = XlsxStyles.Data };
            default:
                return null;
        }
    }

    private static double[] ColumnWidths(TabularSheet sheet, TabularCell[][] rows) =>
        sheet.Columns.Select((column, c) =>
        {
            if (column.Width > 0)
            {
                return Math.Min(column.Width, MaxWidth);
            }

            // The header is bold and shares its cell with the filter drop-down, hence the extra room.
            var content = Math.Max(LongestLine(column.Header) + 4, rows.Length == 0 ? 0 : rows.Max(r => DisplayLength(r[c])) + 2);
            return Math.Clamp(content, 8, MaxAutoWidth);
        }).ToArray();

    private static int DisplayLength(TabularCell cell) => cell.Kind switch
    {
        TabularCellKind.Text => LongestLine(cell.TextValue!),
        // Excel's General format shows at most 11 characters of a number.
        TabularCellKind.Number => Math.Min(11, cell.NumberValue!.Value.ToString(CultureInfo.InvariantCulture).Length),
        TabularCellKind.Date => 10,
        _ => 0,
    };

    private static int LongestLine(string text) => text.Split('\n').Max(l => l.TrimEnd('\r').Length);

    private static string? FilterRange(TabularSheet sheet) =>
        sheet.Columns.Count == 0 ? null : $"A1:{Reference(sheet.Columns.Count - 1, sheet.Rows.Count + 1)}";

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(cell =>
        {
            var digits = cell.AsSpan().IndexOfAnyInRange('0', '9');
            return "$" + cell[..digits] + "$" + cell[digits..];
        }));

    private static string Reference(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
