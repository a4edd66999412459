using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Harmonia.Domain.Documents;

namespace Harmonia.App.Rendering;

/// <summary>
/// Word documents through the Open XML SDK: real styles (Title, Heading 1-3), bulleted and numbered lists from a
/// numbering part, tables, a cover block, the revision table and "Page n of m" in the footer.
/// </summary>
public static class DocxDocumentWriter
{
    private const string Font = "DejaVu Sans";
    private const int BulletList = 1;
    private const int NumberedListDefinition = 2;

    /// <param name="marks">The traceability marks ([statement id]) and the list of requirements addressed: on for the auditor's copy, off for the employees'.</param>
    public static byte[] Write(DocumentModel model, bool marks = true)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var numbering = AddNumbering(main);
            var footer = AddFooter(main, model.Info);
            var body = new Body();
            WriteCover(body, model.Info);
            WriteBlocks(body, model, numbering, marks);
            if (marks)
            {
                body.Append(Paragraph(DocumentText.AddressedHeading, "Heading1"));
                body.Append(Paragraph(DocumentText.AddressedIntro(model), null));
                body.Append(Table(
                    ["Requirement", "Title", "Statements"],
                    model.Addressed.Select(a => (IReadOnlyList<string>)[a.RequirementId, a.Title, string.Join(", ", a.StatementIds.Select(s => s[(model.Info.Id.Length + 1)..]))]).ToArray(),
                    [1800, 4200, 3000]));
            }

            body.Append(Paragraph(DocumentText.RevisionsHeading, "Heading1"));
            body.Append(Table(
                ["Version", "Date", "Author", "Change"],
                model.Revisions.Select(r => (IReadOnlyList<string>)[r.Version, DocumentText.Date(r.Date), r.Author, r.Change]).ToArray(),
                [1200, 1600, 2200, 4000]));
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1247, Right = 1247U, Bottom = 1247, Left = 1247U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void WriteCover(Body body, DocumentInfo info)
    {
        body.Append(Paragraph(info.Title, "Title"));
        body.Append(Paragraph(info.OrganizationName, "Subtitle"));
        body.Append(Table(["", ""], DocumentText.Cover(info).Select(c => (IReadOnlyList<string>)[c.Label, c.Value]).ToArray(), [2400, 6600], header: false));
    }

    private static void WriteBlocks(Body body, DocumentModel model, Numbering numbering, bool marks)
    {
        int? numberedInstance = null;
        foreach (var block in model.Blocks)
        {
            if (block is DocumentHeading heading)
            {
                numberedInstance = null;
                body.Append(Paragraph(heading.Text, "Heading" + heading.Level));
                continue;
            }

            if (block is not DocumentStatement statement)
            {
                continue;
            }

            var paragraph = new Paragraph();
            var properties = new ParagraphProperties(new ParagraphStyleId { Val = statement.Style == StatementStyle.Paragraph ? "Normal" : "ListParagraph" });
            if (statement.Style == StatementStyle.Bullet)
            {
                numberedInstance = null;
                properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletList }));
            }
            else if (statement.Style == StatementStyle.Numbered)
            {
                numberedInstance ??= RestartedNumbering(numbering);
                properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numberedInstance.Value }));
            }
            else
            {
                numberedInstance = null;
            }

            paragraph.Append(properties);
            paragraph.Append(new Run(new Text(statement.Text) { Space = SpaceProcessingModeValues.Preserve }));
            if (marks)
            {
                paragraph.Append(new Run(new RunProperties(new RunStyle { Val = "StatementId" }), new Text(" [" + DocumentText.LocalId(model.Info, statement) + "]") { Space = SpaceProcessingModeValues.Preserve }));
            }

            body.Append(paragraph);
            if (statement.Table is { } table)
            {
                var width = 9000 / Math.Max(1, table.Header.Count);
                body.Append(Table(table.Header, table.Rows, table.Header.Select(_ => width).ToArray()));
            }
        }
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Table Table(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, int[] widths, bool header = true)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "HarmoniaTable" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook { Val = header ? "04A0" : "0400" }));
        var grid = new TableGrid();
        foreach (var width in widths)
        {
            grid.Append(new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        table.Append(grid);
        if (header)
        {
            table.Append(Row(columns, widths, isHeader: true));
        }

        foreach (var row in rows)
        {
            table.Append(Row(row, widths, isHeader: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, bool isHeader)
    {
        var row = new TableRow();
        if (isHeader)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        for (var i = 0; i < widths.Length; i++)
        {
            var text = i < cells.Count ? cells[i] : string.Empty;
            var run = new Run();
            if (isHeader)
            {
                run.Append(new RunProperties(new Bold()));
            }

            run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }), run)));
        }

        return row;
    }

    private static int RestartedNumbering(Numbering numbering)
    {
        var id = numbering.Elements<NumberingInstance>().Max(n => n.NumberID!.Value) + 1;
        numbering.Append(new NumberingInstance(
            new AbstractNumId { Val = NumberedListDefinition },
            new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 })
        { NumberID = id });
        return id;
    }

    private static Numbering AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        static AbstractNum Definition(int id, NumberFormatValues format, string text) => new(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = id };
        part.Numbering = new Numbering(
            Definition(BulletList, NumberFormatValues.Bullet, "•"),
            Definition(NumberedListDefinition, NumberFormatValues.Decimal, "%1."),
            new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList });
        return part.Numbering;
    }

    private static FooterPart AddFooter(MainDocumentPart main, DocumentInfo info)
    {
        var part = main.AddNewPart<FooterPart>();
        Run Text(string text) => new(new RunProperties(new RunStyle { Val = "StatementId" }), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
            Text($"{info.Title} · {info.Id} · version {info.Version} · {info.Classification} · page "),
            new SimpleField(Text("1")) { Instruction = " PAGE " },
            Text(" of "),
            new SimpleField(Text("1")) { Instruction = " NUMPAGES " }));
        return part;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        static RunProperties Font(int halfPoints, bool bold = false, string? color = null)
        {
            var properties = new RunProperties(new RunFonts { Ascii = DocxDocumentWriter.Font, HighAnsi = DocxDocumentWriter.Font, ComplexScript = DocxDocumentWriter.Font, EastAsia = DocxDocumentWriter.Font });
            if (bold)
            {
                properties.Append(new Bold());
            }

            if (color is not null)
            {
                properties.Append(new Color { Val = color });
            }

            properties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return properties;
        }

        static Style ParagraphStyle(string id, string name, RunProperties run, ParagraphProperties? paragraph = null, int? outline = null)
        {
            var style = new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = id };
            var properties = new StyleParagraphProperties((paragraph?.ChildElements ?? []).Select(c => c.CloneNode(true)));
            if (outline is not null)
            {
                properties.Append(new OutlineLevel { Val = outline });
            }

            style.Append(properties);
            style.Append(new StyleRunProperties(run.ChildElements.Select(c => c.CloneNode(true))));
            return style;
        }

        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties(Font(20).ChildElements.Select(c => c.CloneNode(true))))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        part.Styles = new Styles(
            normal,
            ParagraphStyle("Title", "Title", Font(40, bold: true, color: "2B4C7E"), new ParagraphProperties(new SpacingBetweenLines { After = "60" })),
            ParagraphStyle("Subtitle", "Subtitle", Font(24, color: "5B6573"), new ParagraphProperties(new SpacingBetweenLines { After = "240" })),
            ParagraphStyle("Heading1", "heading 1", Font(30, bold: true, color: "2B4C7E"), new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }), 0),
            ParagraphStyle("Heading2", "heading 2", Font(25, bold: true, color: "1B2430"), new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }), 1),
            ParagraphStyle("Heading3", "heading 3", Font(22, bold: true, color: "1B2430"), new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "200", After = "60" }), 2),
            ParagraphStyle("ListParagraph", "List Paragraph", Font(20), new ParagraphProperties(new SpacingBetweenLines { After = "60" }, new Indentation { Left = "720" })),
            ParagraphStyle("TableText", "Table Text", Font(18), new ParagraphProperties(new SpacingBetweenLines { After = "0" })),
            ParagraphStyle("Footer", "footer", Font(16, color: "5B6573")),
            new Style(new StyleName { Val = "Statement Id" }, new StyleRunProperties(new Color { Val = "8A93A0" }, new FontSize { Val = "14" })) { Type = StyleValues.Character, StyleId = "StatementId" },
            new Style(
                new StyleName { Val = "Harmonia Table" },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "C9D0D8" },
                        new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "C9D0D8" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "C9D0D8" },
                        new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "C9D0D8" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "C9D0D8" },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "C9D0D8" }),
                    new TableCellMarginDefault(
                        new TopMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "HarmoniaTable" });
    }
}
