using System.Globalization;
using System.Xml.Linq;

namespace Harmonia.Domain.Readiness;

/// <summary>
/// The roadmap as a Gantt-style SVG: one bar per task, month ticks, no script and no external assets, so the page,
/// the HTML export and a document writer can all embed it. Built with XElement so every text is escaped.
/// </summary>
public static class RoadmapTimelineSvg
{
    private const int LabelWidth = 300;
    private const int ChartWidth = 620;
    private const int HeaderHeight = 28;
    private const int RowHeight = 26;
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static string Draw(RoadmapPlan plan)
    {
        var days = Math.Max(1, plan.End.DayNumber - plan.Start.DayNumber + 1);
        double X(DateOnly date) => LabelWidth + ((double)(date.DayNumber - plan.Start.DayNumber) * ChartWidth / days);
        var height = HeaderHeight + (plan.Tasks.Count * RowHeight) + 8;
        var width = LabelWidth + ChartWidth + 10;

        var svg = new XElement(
            Ns + "svg",
            new XAttribute("class", "roadmap"),
            new XAttribute("viewBox", $"0 0 {width} {height}"),
            new XAttribute("width", "100%"),
            new XAttribute("role", "img"),
            new XAttribute("aria-label", $"Roadmap from {Iso(plan.Start)} to {Iso(plan.End)}, {F(plan.TotalMonths)} months"),
            new XAttribute("font-family", "sans-serif"));

        for (var month = new DateOnly(plan.Start.Year, plan.Start.Month, 1); month <= plan.End; month = month.AddMonths(1))
        {
            var x = Math.Max(LabelWidth, X(month));
            svg.Add(
                new XElement(Ns + "line", Attr("x1", x), Attr("x2", x), Attr("y1", HeaderHeight - 6), Attr("y2", height), new XAttribute("stroke", "#d5dae1")),
                new XElement(Ns + "text", Attr("x", x + 3), Attr("y", 14), new XAttribute("font-size", "11"), new XAttribute("fill", "#5b6573"),
                    month.ToString("MMM yyyy", CultureInfo.InvariantCulture)));
        }

        for (var i = 0; i < plan.Tasks.Count; i++)
        {
            var task = plan.Tasks[i];
            var y = HeaderHeight + (i * RowHeight);
            var left = X(task.Start);
            var right = X(task.End.AddDays(1));
            var owner = task.Owner is null ? task.OwnerRole : $"{task.Owner} ({task.OwnerRole})";
            svg.Add(
                new XElement(Ns + "text", Attr("x", 0), Attr("y", y + 15), new XAttribute("font-size", "12.5"), new XAttribute("fill", "#1b2430"),
                    $"{(int)task.Step}. {task.Name}"),
                new XElement(
                    Ns + "rect",
                    Attr("x", left), Attr("y", y + 3), Attr("width", Math.Max(2, right - left)), Attr("height", 18), Attr("rx", 3),
                    new XAttribute("fill", ColorOf(task.Step)),
                    new XElement(Ns + "title", $"{task.Name}: {Iso(task.Start)} to {Iso(task.End)}, {task.WorkingDays} working days, {F(task.EffortPersonDays)} person-days, {owner}")));
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    // The build steps share one colour family, the audit cycle another, so the two phases read apart at a glance.
    private static string ColorOf(RoadmapStep step) => step switch
    {
        RoadmapStep.BaselineFirst => "#7a8596",
        RoadmapStep.GapAnalysis or RoadmapStep.RiskMethodology => "#2f6db3",
        RoadmapStep.AiDocuments or RoadmapStep.AiControls => "#3f8fd9",
        RoadmapStep.InternalAudit or RoadmapStep.ManagementReview => "#d9a21b",
        _ => "#1f7a4d",
    };

    private static XAttribute Attr(string name, double value) => new(name, F(value));

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
