using System.Xml.Linq;
using Harmonia.App.Rendering;
using Harmonia.Domain.Risks;

namespace Harmonia.Tests.Rendering;

/// <summary>
/// Issue 20, item 2: text a member typed is data on every page and export, never markup. A methodology stored
/// before names and colours were validated must still draw a heat map that is nothing but an SVG.
/// </summary>
public sealed class HostileTextRenderingTests
{
    private const string Hostile = "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">\"'&";

    [Fact]
    public void The_heat_map_encodes_level_names_colours_and_scale_names()
    {
        var methodology = RiskMethodology.Default with
        {
            Likelihood = [RiskMethodology.Default.Likelihood[0] with { Name = Hostile }, .. RiskMethodology.Default.Likelihood.Skip(1)],
            Levels = [RiskMethodology.Default.Levels[0] with { Name = Hostile, Colour = "\"/><script>alert(1)</script>" }, .. RiskMethodology.Default.Levels.Skip(1)],
        };

        var svg = RiskHeatMapSvg.Draw(methodology, RiskHeatMap.Cells(methodology, [(1, 1)]), Hostile);

        var document = XDocument.Parse(svg);
        Assert.Equal(["rect", "svg", "text", "title"], document.Descendants().Select(e => e.Name.LocalName).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(document.Descendants().Where(e => e.Name.LocalName == "title"), t => t.Value.Contains(Hostile, StringComparison.Ordinal));
        Assert.Contains(document.Descendants().Where(e => e.Name.LocalName == "rect"), r => r.Attribute("fill")!.Value == "\"/><script>alert(1)</script>");
    }
}
