using System.CommandLine;
using Harmonia.App.Common;
using Harmonia.App.Features.Catalogs;
using Harmonia.App.Rendering;
using Harmonia.Domain.Mapping;
using Spectre.Console;

namespace Harmonia.Cli;

internal static class CrosswalkCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "Source framework id, e.g. iso27001-2022.", Required = true };
        var to = new Option<string>("--to") { Description = "Target framework id, e.g. iso42001-2023.", Required = true };
        var format = OutputFormat.CreateOption();
        var output = OutputFormat.CreateOutOption();
        var command = new Command("crosswalk", "Show how the requirements of one framework relate to another's, with reasons.") { from, to, format, output };
        command.SetAction(parsed => context.Guard(() =>
        {
            var view = context.Get<ShowCrosswalkHandler>().Handle(new ShowCrosswalkRequest(parsed.GetValue(from)!, parsed.GetValue(to)!));
            var outPath = parsed.GetValue(output);
            switch (parsed.GetValue(format))
            {
                case OutputFormat.Markdown: context.Emit(CrosswalkMarkdownWriter.Write(view), outPath); break;
                case OutputFormat.Html: context.Emit(CrosswalkHtmlWriter.Write(view), outPath); break;
                case OutputFormat.Json: context.Emit(CrosswalkJsonWriter.Write(view), outPath); break;
                default:
                    if (outPath is not null)
                    {
                        throw new InvalidInputException("--out needs --format md, html or json; the table format is for the console.");
                    }

                    WriteTable(context, view);
                    break;
            }

            return 0;
        }));
        return command;
    }

    private static void WriteTable(CliContext context, CrosswalkView view)
    {
        var console = context.Console();
        console.Write(new Rule($"[bold]{Markup.Escape(view.From.Name)} → {Markup.Escape(view.To.Name)}[/]").LeftJustified());
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("Target").NoWrap()).AddColumn("Title").AddColumn(new TableColumn("Source").NoWrap())
            .AddColumn("Relationship").AddColumn(new TableColumn("Str.").RightAligned()).AddColumn("Via");
        foreach (var row in view.Rows)
        {
            if (row.Links.Count == 0)
            {
                table.AddRow(Markup.Escape(row.Target.Ref), Markup.Escape(row.Target.Title), "[red]none[/]", "[red]no equivalent[/]", string.Empty, string.Empty);
                continue;
            }

            foreach (var link in row.Links)
            {
                var color = link.Relationship.PassesThrough() ? "green" : "yellow";
                table.AddRow(Markup.Escape(row.Target.Ref), Markup.Escape(row.Target.Title), Markup.Escape(link.SourceId),
                    $"[{color}]{link.Relationship.ToToken()}[/]", link.Strength.ToString(), link.Hops.Count > 1 ? Markup.Escape(link.Hops[0].ToId) : string.Empty);
            }
        }

        console.Write(table);
        console.MarkupLine($"{view.Covered} of {view.Rows.Count} requirements have a related {Markup.Escape(view.From.Name)} requirement. Use --format md|html|json for rationales.");
    }
}
