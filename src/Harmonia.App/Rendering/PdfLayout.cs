using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Harmonia.App.Rendering;

/// <summary>
/// A small flow layout on A4: wrapped text, headings kept with what follows, tables with repeated headers. Layout is
/// the long part of writing a PDF (a large pack, hostile long words), so it checks the request's cancellation at every
/// line, table row, word and page: a cancelled or over-budget request stops inside the document, not after it.
/// </summary>
internal sealed class PdfLayout
{
    private const double Margin = 56;
    private const double FooterHeight = 28;
    private static readonly XColor Accent = XColor.FromArgb(0x2B, 0x4C, 0x7E);
    private static readonly XColor Muted = XColor.FromArgb(0x5B, 0x65, 0x73);
    private static readonly XColor Line = XColor.FromArgb(0xC9, 0xD0, 0xD8);

    private readonly PdfDocument _document;
    private readonly CancellationToken _cancellation;
    private XGraphics _graphics = null!;
    private double _y;

    public PdfLayout(PdfDocument document, CancellationToken cancellationToken = default)
    {
        _document = document;
        _cancellation = cancellationToken;
        NewPage();
    }

    public XFont Title { get; } = new(PdfFonts.Family, 20, XFontStyleEx.Bold);

    public XFont Subtitle { get; } = new(PdfFonts.Family, 12, XFontStyleEx.Regular);

    public XFont Body { get; } = new(PdfFonts.Family, 9.5, XFontStyleEx.Regular);

    private XFont Small { get; } = new(PdfFonts.Family, 7.5, XFontStyleEx.Regular);

    private XFont Bold { get; } = new(PdfFonts.Family, 8.5, XFontStyleEx.Bold);

    private XFont Cell { get; } = new(PdfFonts.Family, 8.5, XFontStyleEx.Regular);

    private double Width => _document.Pages[^1].Width.Point - (2 * Margin);

    private double Bottom => _document.Pages[^1].Height.Point - Margin - FooterHeight;

    public void Heading(string text, int level)
    {
        var font = new XFont(PdfFonts.Family, level switch { 1 => 14, 2 => 12, _ => 10.5 }, XFontStyleEx.Bold);
        var lines = Wrap(text, font, Width);
        // Keep a heading with at least three lines of what follows.
        Ensure((lines.Count * font.GetHeight() * 1.2) + (Body.GetHeight() * 4) + 10);
        _y += level == 1 ? 10 : 6;
        Draw(lines, font, Margin, level == 1 ? Accent : XColors.Black);
        _y += 4;
    }

    public void Text(string text, XFont font, double indent, double after, string? marker = null)
    {
        var lines = Wrap(text, font, Width - indent);
        var lineHeight = font.GetHeight() * 1.25;
        for (var i = 0; i < lines.Count; i++)
        {
            _cancellation.ThrowIfCancellationRequested();
            Ensure(lineHeight);
            if (i == 0 && marker is not null)
            {
                _graphics.DrawString(marker, font, XBrushes.Black, Margin + indent - 12, _y + font.GetHeight(), XStringFormats.BaseLineLeft);
            }

            _graphics.DrawString(lines[i], font, new XSolidBrush(font == Title ? Accent : font == Subtitle ? Muted : XColors.Black), Margin + indent, _y + font.GetHeight(), XStringFormats.BaseLineLeft);
            _y += lineHeight;
        }

        _y += after;
    }

    public void Table(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, double[] fractions, bool header = true)
    {
        var widths = fractions.Select(f => f * Width).ToArray();
        var lineHeight = Cell.GetHeight() * 1.2;
        void DrawRow(IReadOnlyList<string> cells, bool isHeader)
        {
            _cancellation.ThrowIfCancellationRequested();
            var font = isHeader ? Bold : Cell;
            var wrapped = widths.Select((w, i) => Wrap(i < cells.Count ? cells[i] : string.Empty, font, w - 8)).ToArray();
            var height = (wrapped.Max(w => Math.Max(1, w.Count)) * lineHeight) + 6;
            if (_y + height > Bottom)
            {
                NewPage();
                if (!isHeader && header)
                {
                    DrawRow(columns, true);
                }
            }

            var x = Margin;
            for (var i = 0; i < widths.Length; i++)
            {
                if (isHeader)
                {
                    _graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xF0, 0xF3, 0xF7)), x, _y, widths[i], height);
                }

                _graphics.DrawRectangle(new XPen(Line, 0.5), x, _y, widths[i], height);
                var y = _y + 3;
                foreach (var line in wrapped[i])
                {
                    _graphics.DrawString(line, font, XBrushes.Black, x + 4, y + font.GetHeight(), XStringFormats.BaseLineLeft);
                    y += lineHeight;
                }

                x += widths[i];
            }

            _y += height;
        }

        _y += 2;
        if (header)
        {
            DrawRow(columns, true);
        }

        foreach (var row in rows)
        {
            DrawRow(row, false);
        }

        _y += 10;
    }

    /// <summary>"Page n of m" on every page, drawn once the number of pages is known.</summary>
    public void Footers(string text)
    {
        _graphics.Dispose();
        for (var i = 0; i < _document.PageCount; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin + 8;
            graphics.DrawLine(new XPen(Line, 0.5), Margin, y - 12, page.Width.Point - Margin, y - 12);
            graphics.DrawString(text, Small, new XSolidBrush(Muted), Margin, y, XStringFormats.BaseLineLeft);
            graphics.DrawString($"Page {i + 1} of {_document.PageCount}", Small, new XSolidBrush(Muted), page.Width.Point - Margin, y, XStringFormats.BaseLineRight);
        }
    }

    private void Draw(List<string> lines, XFont font, double x, XColor color)
    {
        foreach (var line in lines)
        {
            _graphics.DrawString(line, font, new XSolidBrush(color), x, _y + font.GetHeight(), XStringFormats.BaseLineLeft);
            _y += font.GetHeight() * 1.2;
        }
    }

    private void Ensure(double height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        _cancellation.ThrowIfCancellationRequested();
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            _cancellation.ThrowIfCancellationRequested();
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (_graphics.MeasureString(candidate, font).Width <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (_graphics.MeasureString(current, font).Width > width && current.Length > 1)
            {
                // A word wider than the column (a long id or address) is cut where it no longer fits: the longest
                // prefix that fits, found by halving (measuring prefix after prefix took 23 s for a 4,000-character word).
                _cancellation.ThrowIfCancellationRequested();
                var (fits, tooWide) = (1, current.Length);
                while (tooWide - fits > 1)
                {
                    var middle = fits + ((tooWide - fits) / 2);
                    (fits, tooWide) = _graphics.MeasureString(current[..middle], font).Width > width ? (fits, middle) : (middle, tooWide);
                }

                lines.Add(current[..fits]);
                current = current[fits..];
            }
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current);
        }

        return lines;
    }
}
