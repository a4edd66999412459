using System.Text.RegularExpressions;
using System.Xml.Linq;
using Harmonia.App.Content;
using Harmonia.App.Rendering;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;
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

    [Fact]
    public void The_gap_markdown_export_never_passes_html_or_links_from_names_and_evidence()
    {
        var catalog = LoadedContent.Shipped.Catalog;
        var control = new OrganizationControl("C-1", "<img src=x onerror=alert(1)> [click](https://evil.example)", "Owner | with pipe", ControlStatus.Implemented,
            ["iso27001-2022:A.5.1"], [new EvidenceReference("<script>steal()</script>", new DateOnly(2026, 5, 1))]);
        var report = new GapAnalyzer(new MappingEngine(catalog)).Analyze(new OrganizationState("<b>Acme</b>", 50, 1, [control], []), "iso27001-2022");

        var markdown = GapMarkdownWriter.Write(report);

        Assert.DoesNotMatch(new Regex(@"(?<!\\)<(img|script|b)\b"), markdown);
        Assert.DoesNotMatch(new Regex(@"(?<!\\)\[click(?<!\\)\]"), markdown);
        Assert.Contains(@"\<img src=x onerror=alert(1)\>", markdown, StringComparison.Ordinal);
    }
}
