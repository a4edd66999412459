using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Harmonia.App.Common;

namespace Harmonia.App.Features.Interop;

/// <summary>One data row of an uploaded sheet: its row number as the person sees it in Excel, and its cells as text.</summary>
public sealed record SpreadsheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index < Cells.Count ? Cells[index] : string.Empty;

    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>The first sheet of an uploaded workbook or CSV file: the header row and the rows below it.</summary>
public sealed record SpreadsheetTable(IReadOnlyList<string> Headers, IReadOnlyList<SpreadsheetRow> Rows);

/// <summary>
/// Reads an uploaded XLSX or CSV file into text cells, within limits, so every register import parses the same way.
/// Dates come out as yyyy-MM-dd whether Excel stored them as serial numbers or the file holds text; a CSV saved by
/// Excel in a Western code page (not UTF-8) is read as Latin-1 rather than turned into replacement characters; the
/// delimiter (comma or semicolon, as European Excel writes) is detected.
/// </summary>
public static class SpreadsheetReader
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 5_000;
    public const int MaxColumns = 100;
    public const int MaxCellLength = 10_000;

    /// <summary>Unpacked XML of one part; a zip bomb stops here instead of filling memory.</summary>
    private const long MaxCharactersInPart = 100_000_000;

    /// <summary>Excel's built-in number formats that show a date.</summary>
    private static readonly HashSet<uint> DateFormats = [14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57];

    /// <summary>Throws InvalidInputException (or InputTooLargeException) with a sentence for a person; reads nothing else.</summary>
    public static SpreadsheetTable Read(byte[] content, string? fileName)
    {
        if (content.LongLength > MaxBytes)
        {
            throw new InputTooLargeException("The file", MaxBytes);
        }

        if (content.Length == 0)
        {
            throw new InvalidInputException("The file is empty.");
        }

        var rows = content is [0x50, 0x4B, 0x03, 0x04, ..] ? ReadXlsx(content)
            : content is [0xD0, 0xCF, 0x11, 0xE0, ..] ? throw new InvalidInputException("This is an old Excel file (.xls); save it as .xlsx or .csv and upload that.")
            : fileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true ? throw new InvalidInputException("The file is named .xlsx but is not an Excel workbook; save it again from Excel, or upload a .csv file.")
            : ReadCsv(content);
        return Table(rows);
    }

    private static SpreadsheetTable Table(List<SpreadsheetRow> rows)
    {
        var headerIndex = rows.FindIndex(r => !r.IsEmpty);
        if (headerIndex < 0)
        {
            throw new InvalidInputException("The file has no rows; the first row should hold the column names.");
        }

        var headers = rows[headerIndex].Cells.Select(c => c.Trim()).ToList();
        while (headers.Count > 0 && headers[^1].Length == 0)
        {
            headers.RemoveAt(headers.Count - 1);
        }

        var duplicate = headers.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidInputException($"The column '{duplicate.Key}' appears twice in the header row; rename one of them.");
        }

        var data = rows.Skip(headerIndex + 1).Where(r => !r.IsEmpty).ToList();
        if (data.Count > MaxRows)
        {
            throw new InvalidInputException($"The file has {data.Count} rows; at most {MaxRows} are imported at once. Split it into several files.");
        }

        return new SpreadsheetTable(headers, data);
    }

    private static List<SpreadsheetRow> ReadCsv(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(content);
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
            MaxFieldSize = MaxCellLength,
        };
        var rows = new List<SpreadsheetRow>();
        try
        {
            using var parser = new CsvParser(new StringReader(text.TrimStart('\uFEFF')), config);
            while (parser.Read())
            {
                var record = parser.Record ?? [];
                Guard(rows.Count, record.Length);
                rows.Add(new SpreadsheetRow(parser.Row, record));
            }
        }
        catch (CsvHelperException ex)
        {
            throw new InvalidInputException($"The CSV could not be read near row {ex.Context?.Parser?.Row}: a cell may be longer than {MaxCellLength} characters or a quote is not closed.");
        }

        return rows;
    }

    private static void Guard(int rowsSoFar, int columns)
    {
        if (rowsSoFar > MaxRows + 10)
        {
            throw new InvalidInputException($"The file has more than {MaxRows} rows; at most {MaxRows} are imported at once. Split it into several files.");
        }

        if (columns > MaxColumns)
        {
            throw new InvalidInputException($"Row {rowsSoFar + 1} has {columns} columns; at most {MaxColumns} are read.");
        }
    }

    private static List<SpreadsheetRow> ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbook = document.WorkbookPart ?? throw new InvalidInputException("The workbook has no sheets.");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.State is null || s.State.Value == SheetStateValues.Visible)
                ?? throw new InvalidInputException("The workbook has no visible sheet.");
            if (sheet.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart part)
            {
                throw new InvalidInputException($"The sheet '{sheet.Name}' is not a worksheet (a chart sheet?); put the register on the first sheet.");
            }

            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(ItemText).ToArray() ?? [];
            var dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            var rows = new List<SpreadsheetRow>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    Guard(rows.Count, column + 1);
                    while (cells.Count < column)
                    {
                        cells.Add(string.Empty);
                    }

                    cells.Add(CellText(cell, strings, dateStyles));
                }

                Guard(rows.Count, cells.Count);
                rows.Add(new SpreadsheetRow((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells));
            }

            return rows;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or FormatException)
        {
            throw new InvalidInputException("The file could not be read as an Excel workbook (.xlsx); save it again from Excel, or upload a .csv file.");
        }
    }

    private static string ItemText(SharedStringItem item) =>
        string.Concat(item.Descendants<Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text));

    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var custom = styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && LooksLikeDate(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        var result = new HashSet<uint>();
        var index = 0u;
        foreach (var format in styles?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (DateFormats.Contains(id) || custom.Contains(id))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    /// <summary>A custom format shows a date when it has day or year parts outside quoted text and [colour] tags.</summary>
    private static bool LooksLikeDate(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var plain = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", string.Empty);
        return plain.Contains('y', StringComparison.OrdinalIgnoreCase) || plain.Contains('d', StringComparison.OrdinalIgnoreCase);
    }

    private static string CellText(Cell cell, string[] strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? string.Empty;
        var text = cell.DataType?.Value switch
        {
            var t when t == CellValues.SharedString => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Length ? strings[i] : string.Empty,
            var t when t == CellValues.InlineString => cell.InlineString is { } inline ? string.Concat(inline.Descendants<Text>().Select(x => x.Text)) : string.Empty,
            var t when t == CellValues.Boolean => raw == "1" ? "TRUE" : "FALSE",
            var t when t == CellValues.Error => string.Empty,
            var t when t == CellValues.String || t == CellValues.Date => raw,
            _ => NumberText(raw, cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)),
        };
        return text.Length > MaxCellLength ? throw new InvalidInputException($"Cell {cell.CellReference} holds more than {MaxCellLength} characters.") : text;
    }

    private static string NumberText(string raw, bool isDate)
    {
        if (!isDate || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial < 1 || serial > 2_958_465)
        {
            return raw;
        }

        return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > MaxColumns)
            {
                return index;
            }
        }

        return Math.Max(index - 1, 0);
    }
}
