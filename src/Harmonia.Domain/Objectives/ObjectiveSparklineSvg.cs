using System.Globalization;
using System.Xml.Linq;

namespace Harmonia.Domain.Objectives;

/// <summary>
/// A small inline SVG of an objective's measurements over time with its target as a dashed line: no script, no
/// external assets, built with XElement so every text is escaped, and the same input always gives the same output.
/// </summary>
public static class ObjectiveSparklineSvg
{
    public const int Width = 160;
    public const int Height = 40;
    private const int Pad = 4;
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <param name="label">What the chart is about, e.g. "O-1 Availability"; read out by screen readers.</param>
    public static string Draw(string label, IReadOnlyList<Measurement> measurements, double target, TargetDirection direction, string? unit = null)
    {
        var points = measurements.OrderBy(m => m.MeasuredOn).ThenBy(m => m.Value).ToArray();
        var suffix = string.IsNullOrWhiteSpace(unit) ? string.Empty : " " + unit.Trim();
        var summary = points.Length == 0
            ? $"{label}: no measurements yet; target {direction.ToLabel()} {T(target)}{suffix}"
            : $"{label}: {points.Length} measurements from {Iso(points[0].MeasuredOn)} to {Iso(points[^1].MeasuredOn)}, latest {T(points[^1].Value)}{suffix}; target {direction.ToLabel()} {T(target)}{suffix}";

        // The scale always includes the target, so the line and the values are compared on the same axis.
        var low = points.Select(p => p.Value).Append(target).Min();
        var high = points.Select(p => p.Value).Append(target).Max();
        if (high - low < 1e-9)
        {
            // A flat series (every value equal to the target) still needs a span to draw in the middle.
            var spread = Math.Max(1, Math.Abs(high) * 0.1);
            (low, high) = (low - spread, high + spread);
        }

        double Y(double value) => Pad + ((high - value) / (high - low) * (Height - (2 * Pad)));
        var first = points.Length == 0 ? 0 : points[0].MeasuredOn.DayNumber;
        var span = points.Length == 0 ? 0 : points[^1].MeasuredOn.DayNumber - first;
        double X(Measurement m) => span == 0 ? Width / 2.0 : Pad + ((double)(m.MeasuredOn.DayNumber - first) * (Width - (2 * Pad)) / span);

        var svg = new XElement(
            Ns + "svg",
            new XAttribute("class", "sparkline"),
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("width", Width),
            new XAttribute("height", Height),
            new XAttribute("role", "img"),
            new XAttribute("aria-label", summary),
            new XElement(Ns + "title", summary),
            new XElement(
                Ns + "line",
                new XAttribute("class", "target"),
                Attr("x1", 0), Attr("x2", Width), Attr("y1", Y(target)), Attr("y2", Y(target)),
                new XAttribute("stroke", "#8a94a3"), new XAttribute("stroke-dasharray", "3 2"), new XAttribute("stroke-width", "1")));

        if (points.Length >= 2)
        {
            svg.Add(new XElement(
                Ns + "polyline",
                new XAttribute("class", "series"),
                new XAttribute("points", string.Join(" ", points.Select(p => $"{F(X(p))},{F(Y(p.Value))}"))),
                new XAttribute("fill", "none"), new XAttribute("stroke", "#2f6db3"), new XAttribute("stroke-width", "1.5")));
        }

        foreach (var p in points)
        {
            var met = direction.Meets(p.Value, target);
            svg.Add(new XElement(
                Ns + "circle",
                new XAttribute("class", met ? "point met" : "point not-met"),
                Attr("cx", X(p)), Attr("cy", Y(p.Value)), Attr("r", 2.5),
                new XAttribute("fill", met ? "#1f7a4d" : "#c0392b"),
                new XElement(Ns + "title", $"{Iso(p.MeasuredOn)}: {T(p.Value)}{suffix}")));
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static XAttribute Attr(string name, double value) => new(name, F(value));

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string T(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
