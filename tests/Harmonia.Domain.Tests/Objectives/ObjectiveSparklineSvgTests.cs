using System.Globalization;
using System.Xml.Linq;
using Harmonia.Domain.Objectives;

namespace Harmonia.Domain.Tests.Objectives;

public sealed class ObjectiveSparklineSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static double N(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Many_points_become_a_polyline_and_one_circle_each_in_date_order_with_the_target_as_a_line()
    {
        Measurement[] values = [new(new(2026, 3, 1), 90), new(new(2026, 1, 1), 80), new(new(2026, 5, 1), 100)];

        var svg = XDocument.Parse(ObjectiveSparklineSvg.Draw("O-1 Training", values, 95, TargetDirection.AtLeast, "%")).Root!;

        Assert.Equal(Svg + "svg", svg.Name);
        var points = svg.Element(Svg + "polyline")!.Attribute("points")!.Value.Split(' ')
            .Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.Equal(3, points.Length);
        Assert.True(points[0][0] < points[1][0] && points[1][0] < points[2][0], "x grows with the date");
        Assert.True(points[0][1] > points[1][1] && points[1][1] > points[2][1], "a higher value is drawn higher (smaller y)");

        var circles = svg.Elements(Svg + "circle").ToArray();
        Assert.Equal(3, circles.Length);
        Assert.Equal(["point not-met", "point not-met", "point met"], circles.Select(c => c.Attribute("class")!.Value));
        Assert.Equal("2026-01-01: 80 %", circles[0].Element(Svg + "title")!.Value);

        var target = svg.Elements(Svg + "line").Single(l => l.Attribute("class")?.Value == "target");
        Assert.Equal(N(target, "y1"), N(target, "y2"));
        Assert.True(N(target, "y1") > points[2][1] && N(target, "y1") < points[1][1], "the target (95) lies between 90 and 100");
        Assert.Contains("latest 100 %; target at least 95 %", svg.Attribute("aria-label")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void No_points_draw_only_the_target_and_say_there_are_no_measurements()
    {
        var svg = XDocument.Parse(ObjectiveSparklineSvg.Draw("O-2", [], 3, TargetDirection.AtMost)).Root!;

        Assert.Empty(svg.Elements(Svg + "polyline"));
        Assert.Empty(svg.Elements(Svg + "circle"));
        Assert.Single(svg.Elements(Svg + "line"));
        Assert.Equal("O-2: no measurements yet; target at most 3", svg.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void One_point_is_a_centred_circle_without_a_line_and_a_flat_series_stays_inside_the_box()
    {
        var single = XDocument.Parse(ObjectiveSparklineSvg.Draw("O-3", [new(new(2026, 1, 1), 5)], 5, TargetDirection.AtLeast)).Root!;
        Assert.Empty(single.Elements(Svg + "polyline"));
        var dot = single.Element(Svg + "circle")!;
        Assert.Equal(ObjectiveSparklineSvg.Width / 2.0, N(dot, "cx"));

        Measurement[] flat = [new(new(2026, 1, 1), 7), new(new(2026, 2, 1), 7), new(new(2026, 3, 1), 7)];
        var svg = XDocument.Parse(ObjectiveSparklineSvg.Draw("O-4", flat, 7, TargetDirection.AtLeast)).Root!;
        var ys = svg.Elements(Svg + "circle").Select(c => N(c, "cy")).ToArray();
        Assert.All(ys, y => Assert.InRange(y, 0, ObjectiveSparklineSvg.Height));
        Assert.Single(ys.Distinct());
        Assert.DoesNotContain("NaN", svg.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_escaped_and_the_same_input_gives_the_same_output()
    {
        Measurement[] values = [new(new(2026, 1, 1), 1), new(new(2026, 2, 1), 2)];
        var label = "O-5 <script>alert(1)</script> & \"quotes\"";

        var first = ObjectiveSparklineSvg.Draw(label, values, 1.5, TargetDirection.AtLeast, "<b>");
        var second = ObjectiveSparklineSvg.Draw(label, values.Reverse().ToArray(), 1.5, TargetDirection.AtLeast, "<b>");

        Assert.Equal(first, second);
        Assert.DoesNotContain("<script>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", first, StringComparison.Ordinal);
        Assert.StartsWith("O-5 <script>", XDocument.Parse(first).Root!.Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }
}
