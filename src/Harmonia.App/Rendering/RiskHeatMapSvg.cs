using System.Globalization;
using System.Net;
using System.Text;
using Harmonia.Domain.Risks;

namespace Harmonia.App.Rendering;

/// <summary>A likelihood x impact heat map drawn on the server: each cell in its level's colour with the number of risks.</summary>
public static class RiskHeatMapSvg
{
    private const int Cell = 46;
    private const int Left = 96;
    private const int Top = 8;

    public static string Draw(RiskMethodology methodology, IReadOnlyList<HeatMapCell> cells, string title)
    {
        var size = methodology.Size;
        var width = Left + (size * Cell) + 8;
        var height = Top + (size * Cell) + 58;
        var total = cells.Sum(c => c.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"heatmap\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(title)}: {total} risks by likelihood and impact\">");
        foreach (var cell in cells)
        {
            var x = Left + ((cell.Impact - 1) * Cell);
            var y = Top + ((size - cell.Likelihood) * Cell);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{Cell - 2}\" height=\"{Cell - 2}\" rx=\"4\" fill=\"{E(cell.Level.Colour)}\" fill-opacity=\"{(cell.Count == 0 ? "0.25" : "0.9")}\"><title>{E(methodology.Likelihood[cell.Likelihood - 1].Name)} x {E(methodology.Impact[cell.Impact - 1].Name)}: {E(cell.Level.Name)}, {cell.Count} risks</title></rect>");
            if (cell.Count > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + ((Cell - 2) / 2)}\" y=\"{y + (Cell / 2) + 5}\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"700\" fill=\"#fff\">{cell.Count}</text>");
            }
        }

        for (var level = 1; level <= size; level++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + ((size - level) * Cell) + (Cell / 2) + 4}\" text-anchor=\"end\" font-size=\"11\" fill=\"#5b6573\">{E(methodology.Likelihood[level - 1].Name)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + ((level - 1) * Cell) + (Cell / 2)}\" y=\"{Top + (size * Cell) + 14}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#5b6573\">{E(methodology.Impact[level - 1].Name)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (size * Cell / 2)}\" y=\"{Top + (size * Cell) + 34}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b2430\">impact →</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (size * Cell / 2)}\" y=\"{Top + (size * Cell) + 52}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"700\" fill=\"#1b2430\">{E(title)} ({total})</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
