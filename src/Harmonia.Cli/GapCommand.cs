using System.CommandLine;
using Harmonia.App;
using Harmonia.App.Content;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Organizations;
using Harmonia.App.Reports;

namespace Harmonia.Cli;

internal static class GapCommand
{
    public static Command Create(CliContext context)
    {
        var org = new Option<string>("--org") { Description = "Organization file (YAML), e.g. examples/acme-iso27001-certified.yaml.", Required = true };
        var target = new Option<string>("--target") { Description = "Target framework id, e.g. iso42001-2023.", Required = true };
        var capacity = new Option<double?>("--capacity") { Description = "Team capacity in full-time equivalents; overrides the organization file." };
        var format = OutputFormat.CreateOption();
        var output = OutputFormat.CreateOutOption();
        var command = new Command("gap", "Gap analysis of an organization against a target framework: every requirement with its result and the reason.")
        {
            org, target, capacity, format, output,
        };
        command.SetAction(parsed => context.Guard(() =>
        {
            var path = parsed.GetValue(org)!;
            var outPath = parsed.GetValue(output);
            var chosen = parsed.GetValue(format);
            if (chosen == OutputFormat.Table && outPath is not null)
            {
                throw new HarmoniaInputException("--out needs --format md, html or json; the table format is for the console.");
            }

            var content = context.Get<LoadedContent>();
            var organization = OrganizationFileReader.Read(path, ReadFile(path), content.Catalog);
            var report = context.Get<RunGapAnalysisHandler>().Handle(new RunGapAnalysisRequest(organization, parsed.GetValue(target)!, parsed.GetValue(capacity)));
            switch (chosen)
            {
                case OutputFormat.Markdown: context.Emit(GapMarkdownWriter.Write(report), outPath); break;
                case OutputFormat.Html: context.Emit(GapHtmlWriter.Write(report), outPath); break;
                case OutputFormat.Json: context.Emit(GapJsonWriter.Write(report), outPath); break;
                default: GapConsoleWriter.Write(context.Console(), report); break;
            }

            return 0;
        }));
        return command;
    }

    private static string ReadFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new HarmoniaInputException($"'{path}' is a folder; --org needs an organization file.");
        }

        if (!File.Exists(path))
        {
            throw new HarmoniaInputException($"Cannot read '{path}': no such file.");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HarmoniaInputException($"Cannot read '{path}': {ex.Message}");
        }
    }
}
