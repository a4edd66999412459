using System.CommandLine;
using Harmonia.App.Features.Catalogs;
using Spectre.Console;

namespace Harmonia.Cli;

internal static class CatalogsCommands
{
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "List the loaded frameworks.");
        list.SetAction(_ => context.Guard(() =>
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Framework").AddColumn("Name").AddColumn(new TableColumn("Clauses").RightAligned())
                .AddColumn(new TableColumn("Controls").RightAligned()).AddColumn(new TableColumn("Groups").RightAligned()).AddColumn("Publisher");
            foreach (var f in context.Get<ListFrameworksHandler>().Handle())
            {
                table.AddRow(Markup.Escape(f.Id), Markup.Escape(f.Name), f.Clauses.ToString(), f.Controls.ToString(), f.Groups.ToString(), Markup.Escape(f.Publisher));
            }

            context.Console().Write(table);
            return 0;
        }));

        var framework = new Argument<string>("framework") { Description = "Framework id, e.g. iso42001-2023 (see 'harmonia catalog list')." };
        var group = new Option<string?>("--group") { Description = "Only this group, e.g. 9 or A.6." };
        var show = new Command("show", "Show a framework's requirements with our summaries.") { framework, group };
        show.SetAction(parsed => context.Guard(() =>
        {
            var view = context.Get<ShowFrameworkHandler>().Handle(new ShowFrameworkRequest(parsed.GetValue(framework)!, parsed.GetValue(group)));
            var console = context.Console();
            console.Write(new Rule($"[bold]{Markup.Escape(view.Framework.Name)}[/] {Markup.Escape(view.Framework.Title)}").LeftJustified());
            foreach (var (g, requirements) in view.Sections)
            {
                var table = new Table().Border(TableBorder.Simple).Title($"{Markup.Escape(g.Id)} {Markup.Escape(g.Title)}")
                    .AddColumn(new TableColumn("Ref").NoWrap()).AddColumn("Title").AddColumn("What it asks");
                foreach (var r in requirements)
                {
                    table.AddRow(Markup.Escape(r.Ref), Markup.Escape(r.Title), Markup.Escape(r.Summary));
                }

                console.Write(table);
            }

            foreach (var reference in view.GroupId is null ? view.Framework.ReferenceLists : [])
            {
                var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(reference.Title)).AddColumn("Ref").AddColumn("Title").AddColumn("Meaning");
                foreach (var item in reference.Items)
                {
                    table.AddRow(Markup.Escape(item.Ref), Markup.Escape(item.Title), Markup.Escape(item.Summary));
                }

                console.Write(table);
            }

            return 0;
        }));

        return new Command("catalog", "Browse the catalogs.") { list, show };
    }
}
