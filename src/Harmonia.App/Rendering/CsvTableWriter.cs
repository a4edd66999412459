using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Harmonia.App.Rendering;

/// <summary>
/// One sheet as RFC 4180 CSV: UTF-8 with a byte order mark (without it Excel reads the bytes in the local code
/// page and mangles every non-ASCII letter), CRLF line ends, fields quoted when they must be, dates as yyyy-MM-dd and
/// numbers in the invariant culture.
/// </summary>
public static class CsvTableWriter
{
    /// <summary>The first characters that make a spreadsheet read a cell as a formula (OWASP's list).</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static byte[] Write(TabularSheet sheet)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\r\n",
            // CsvHelper's own guard would also escape numbers such as -5; only text is guarded, below.
            InjectionOptions = InjectionOptions.None,

            // With NewLine set, CsvHelper quotes only fields holding "\r\n": a lone line feed went out bare, started a
            // new row in the reader and escaped the formula guard. Quote every field that holds a line break, a quote,
            // the separator or edge spaces.
            ShouldQuote = args => args.Field is { Length: > 0 } field
                && (field.IndexOfAny(['"', ',', '\r', '\n']) >= 0 || field[0] == ' ' || field[^1] == ' '),
        };
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, configuration))
        {
            foreach (var column in sheet.Columns)
            {
                csv.WriteField(Guard(column.Header));
            }

            csv.NextRecord();
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                foreach (var cell in sheet.Row(r))
                {
                    csv.WriteField(Field(cell));
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    private static string Field(TabularCell cell) => cell.Kind switch
    {
        TabularCellKind.Text => Guard(cell.TextValue!),
        TabularCellKind.Number => cell.NumberValue!.Value.ToString("R", CultureInfo.InvariantCulture),
        TabularCellKind.Date => cell.DateValue!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    /// <summary>
    /// Text that would start a formula gets a leading apostrophe. Cell text comes from users (risk titles, evidence
    /// notes), and a spreadsheet opening the CSV runs "=HYPERLINK(...)" or a DDE call as a formula: CSV injection,
    /// which can leak other cells to an attacker's server or run commands. The apostrophe makes Excel and LibreOffice
    /// show the text as typed; a reader of the raw file sees one extra character, which is the accepted price.
    /// </summary>
    private static string Guard(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;
}
