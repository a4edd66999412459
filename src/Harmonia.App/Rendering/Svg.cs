using System.Globalization;
using System.Text;

namespace Harmonia.App.Rendering;

/// <summary>Small server-drawn charts (no script, no external assets) shared by the HTML reports and, later, the web pages.</summary>
public static class Svg
{
    public const string SatisfiedColor = "#1f7a4d";
    public const string PartialColor = "#d9a21b";
    public const string OpenColor = "#c2413b";
    public const string NotApplicableColor = "#b8bec7";

    /// <summary>A ring gauge: satisfied then partial as arcs, the percentage in the middle.</summary>
    public static string Gauge(double percent, int satisfied, int partial, int assessable, string label)
    {
        const double radius = 52;
        var circumference = 2 * Math.PI * radius;
        var satisfiedLength = assessable == 0 ? 0 : circumference * satisfied / assessable;
        var partialLength = assessable == 0 ? 0 : circumference * partial / assessable;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"gauge\" viewBox=\"0 0 140 140\" width=\"140\" height=\"140\" role=\"img\" aria-label=\"{Html(label)}: {ReportText.Percent(percent)} met\">");
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"70\" cy=\"70\" r=\"{F(radius)}\" fill=\"none\" stroke=\"#e6e9ee\" stroke-width=\"14\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"70\" cy=\"70\" r=\"{F(radius)}\" fill=\"none\" stroke=\"{SatisfiedColor}\" stroke-width=\"14\" stroke-dasharray=\"{F(satisfiedLength)} {F(circumference)}\" transform=\"rotate(-90 70 70)\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"70\" cy=\"70\" r=\"{F(radius)}\" fill=\"none\" stroke=\"{PartialColor}\" stroke-width=\"14\" stroke-dasharray=\"0 {F(satisfiedLength)} {F(partialLength)} {F(circumference)}\" transform=\"rotate(-90 70 70)\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"70\" y=\"76\" text-anchor=\"middle\" font-size=\"22\" font-weight=\"700\" fill=\"#1b2430\">{percent.ToString("0", CultureInfo.InvariantCulture)} %</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>One horizontal stacked bar per row: satisfied, partial, open, not applicable.</summary>
    public static string StackedBars(IReadOnlyList<(string Label, int Satisfied, int Partial, int Open, int NotApplicable, double Percent)> rows)
    {
        const int labelWidth = 340, barWidth = 340, rowHeight = 26, percentWidth = 70;
        var height = (rows.Count * rowHeight) + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"bars\" viewBox=\"0 0 {labelWidth + barWidth + percentWidth} {height}\" width=\"100%\" role=\"img\" aria-label=\"Result per group\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = (i * rowHeight) + 4;
            var total = Math.Max(1, row.Satisfied + row.Partial + row.Open + row.NotApplicable);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12.5\" fill=\"#1b2430\">{Html(Truncate(row.Label, 50))}</text>");
            double x = labelWidth;
            foreach (var (count, color, name) in new[] { (row.Satisfied, SatisfiedColor, "satisfied"), (row.Partial, PartialColor, "partially satisfied"), (row.Open, OpenColor, "open"), (row.NotApplicable, NotApplicableColor, "not applicable") })
            {
                if (count == 0)
                {
                    continue;
                }

                var width = (double)barWidth * count / total;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{y + 2}\" width=\"{F(width)}\" height=\"18\" fill=\"{color}\"><title>{count} {name}</title></rect>");
                x += width;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + barWidth + 8}\" y=\"{y + 15}\" font-size=\"12.5\" font-weight=\"600\" fill=\"#1b2430\">{ReportText.Percent(row.Percent)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    public static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
