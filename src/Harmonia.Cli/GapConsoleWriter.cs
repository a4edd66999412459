using Harmonia.App.Rendering;
using Harmonia.Domain.Gaps;
using Spectre.Console;

namespace Harmonia.Cli;

internal static class GapConsoleWriter
{
    public static void Write(IAnsiConsole console, GapReport report)
    {
        console.Write(new Rule($"[bold]Gap analysis: {Markup.Escape(report.Target.Name)}[/] — {Markup.Escape(report.OrganizationName)}").LeftJustified());
        var headline = new Table().Border(TableBorder.Rounded).AddColumn(string.Empty)
            .AddColumn(new TableColumn("Satisfied").RightAligned()).AddColumn(new TableColumn("Partially").RightAligned())
            .AddColumn(new TableColumn("Open").RightAligned()).AddColumn(new TableColumn("N/A").RightAligned()).AddColumn(new TableColumn("Met").RightAligned());
        foreach (var (label, figure) in new[] { ("Clause requirements", report.Headline.Clauses), ("Annex A controls", report.Headline.Controls), ("Overall", report.Headline.Overall) })
        {
            headline.AddRow(label, figure.Satisfied.ToString(), figure.Partial.ToString(), figure.Open.ToString(), figure.NotApplicable.ToString(), $"[bold]{ReportText.Percent(figure.Percent)}[/]");
        }

        console.Write(headline);
        console.WriteLine(ReportText.PartialNote);
        console.WriteLine(ReportText.EffortSentence(report));
        console.WriteLine(ReportText.DurationSentence(report));
        console.MarkupLine("[bold]Recommendation:[/] " + Markup.Escape(report.Recommendation));

        var rows = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("Ref").NoWrap()).AddColumn("Requirement").AddColumn(new TableColumn("Result").NoWrap()).AddColumn("Why");
        foreach (var row in report.Rows)
        {
            var color = row.Result switch
            {
                RequirementResult.Satisfied => "green",
                RequirementResult.PartiallySatisfied => "yellow",
                RequirementResult.NotApplicable => "grey",
                _ => "red",
            };
            rows.AddRow(Markup.Escape(row.Requirement.Ref), Markup.Escape(row.Requirement.Title), $"[{color}]{Markup.Escape(row.Result.ToLabel())}[/]", Markup.Escape(row.Reason));
        }

        console.Write(rows);
    }
}
