using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Harmonia.App.Rendering;

/// <summary>The few cell formats a tabular export needs; the constants are indexes into cellXfs.</summary>
internal static class XlsxStyles
{
    public const uint Header = 1;

    /// <summary>Data cells align to the top so a row made tall by one wrapped cell still reads across.</summary>
    public const uint Data = 2;

    public const uint Date = 3;
    public const uint Wrapped = 4;

    /// <summary>Ids below 164 are Excel's built-in formats.</summary>
    private const uint DateFormat = 164;

    public static void Add(WorkbookPart workbook)
    {
        var part = workbook.AddNewPart<WorkbookStylesPart>();
        part.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
            new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
            new Fills(
                // Excel requires the first two fills to be exactly these, whatever the workbook uses.
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDCE6F1" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Rgb = "FF8EA9C8" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                Format(0, fontId: 1, fillId: 2, borderId: 1, new Alignment { Vertical = VerticalAlignmentValues.Center }),
                Format(0, 0, 0, 0, new Alignment { Vertical = VerticalAlignmentValues.Top }),
                Format(DateFormat, 0, 0, 0, new Alignment { Horizontal = HorizontalAlignmentValues.Left, Vertical = VerticalAlignmentValues.Top }),
                Format(0, 0, 0, 0, new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }))
            { Count = 5 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        part.Stylesheet.Save();
    }

    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static CellFormat Format(uint numberFormatId, uint fontId, uint fillId, uint borderId, Alignment alignment) =>
        new(alignment)
        {
            NumberFormatId = numberFormatId,
            FontId = fontId,
            FillId = fillId,
            BorderId = borderId,
            FormatId = 0,
            ApplyNumberFormat = numberFormatId != 0,
            ApplyFont = fontId != 0,
            ApplyFill = fillId != 0,
            ApplyBorder = borderId != 0,
            ApplyAlignment = true,
        };
}
