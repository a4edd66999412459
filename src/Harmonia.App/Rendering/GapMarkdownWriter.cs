using System.Text;
using Harmonia.Domain.Gaps;

namespace Harmonia.App.Rendering;

/// <summary>The gap report as GitHub-flavoured Markdown: headline, effort, AI-specific work, then every requirement with its reason.</summary>
public static class GapMarkdownWriter
{
    public static string Write(GapReport report)
    {
        var md = new StringBuilder();
        md.Append("# Gap analysis: ").Append(report.Target.Name).Append(" — ").AppendLine(Cell(report.OrganizationName)).AppendLine();
        md.AppendLine("## Headline").AppendLine();
        md.AppendLine("| | Requirements | Satisfied | Partially | Open | Not applicable | Met |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        FigureRow(md, "Clause requirements", report.Headline.Clauses);
        FigureRow(md, "Annex A controls", report.Headline.Controls);
        FigureRow(md, "Overall", report.Headline.Overall);
        md.AppendLine().AppendLine(ReportText.PartialNote).AppendLine();
        if (report.Baseline is { } baseline)
        {
            md.Append("Baseline: ").Append(baseline.Name).Append(" is ").Append(ReportText.Percent(report.BaselineHeadline!.Overall.Percent)).AppendLine(" in place.").AppendLine();
        }

        md.AppendLine("## Effort and duration").AppendLine();
        md.Append("- ").AppendLine(ReportText.EffortSentence(report));
        md.Append("- ").AppendLine(ReportText.DurationSentence(report)).AppendLine();
        md.AppendLine("## Recommendation").AppendLine().AppendLine(report.Recommendation).AppendLine();

        if (report.UncoveredOpenWork.Count > 0)
        {
            md.AppendLine("## Work no other standard covers").AppendLine();
            md.AppendLine("| Requirement | Title | Why nothing carries over |");
            md.AppendLine("|---|---|---|");
            foreach (var row in report.UncoveredOpenWork)
            {
                md.Append("| ").Append(row.Requirement.Ref).Append(" | ").Append(Cell(row.Requirement.Title)).Append(" | ")
                    .Append(Cell(row.NoEquivalents[0].Reason)).AppendLine(" |");
            }

            md.AppendLine();
        }

        md.AppendLine("## By group").AppendLine();
        md.AppendLine("| Group | Requirements | Satisfied | Partially | Open | Not applicable | Met |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in report.Groups)
        {
            FigureRow(md, $"{group.Group.Id} {group.Group.Title}", group.Figure);
        }

        md.AppendLine().AppendLine("## Requirements").AppendLine();
        foreach (var group in report.Groups)
        {
            md.Append("### ").Append(group.Group.Id).Append(' ').AppendLine(Cell(group.Group.Title)).AppendLine();
            md.AppendLine("| Ref | Requirement | Result | Basis | Why |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var row in report.Rows.Where(r => r.TopGroup.Id == group.Group.Id))
            {
                md.Append("| ").Append(row.Requirement.Ref).Append(" | ").Append(Cell(row.Requirement.Title)).Append(" | ")
                    .Append(row.Result.ToLabel()).Append(" | ").Append(ReportText.BasisLabel(row.Basis)).Append(" | ")
                    .Append(Cell(row.Reason)).AppendLine(" |");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private static void FigureRow(StringBuilder md, string label, Figure figure) =>
        md.Append("| ").Append(Cell(label)).Append(" | ").Append(figure.Total).Append(" | ").Append(figure.Satisfied).Append(" | ")
            .Append(figure.Partial).Append(" | ").Append(figure.Open).Append(" | ").Append(figure.NotApplicable).Append(" | ")
            .Append(ReportText.Percent(figure.Percent)).AppendLine(" |");

    /// <summary>Table cells cannot hold pipes or line breaks, and names typed by members must not become HTML or links.</summary>
    internal static string Cell(string text) =>
        MarkdownText.Escape(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
