using System.CommandLine;
using Harmonia.App.Content;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Rendering;
using Harmonia.Domain.Gaps;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

internal static class GapsCommands
{
    public static Command Create(CliContext context)
    {
        var org = new Option<string>("--org") { Description = "Organization file (YAML), e.g. examples/acme-iso27001-certified.yaml, or the id of an organization in the database.", Required = true };
        var target = new Option<string>("--target") { Description = "Target framework id, e.g. iso42001-2023.", Required = true };
        var capacity = new Option<double?>("--capacity") { Description = "Team capacity in full-time equivalents; overrides the organization file." };
        var format = OutputFormat.CreateOption();
        var output = OutputFormat.CreateOutOption();
        var command = new Command("gap", "Gap analysis of an organization against a target framework: every requirement with its result and the reason.")
        {
            org, target, capacity, format, output,
        };
        command.SetAction(async (parsed, _) =>
        {
            var outPath = parsed.GetValue(output);
            var chosen = parsed.GetValue(format)!;
            if (chosen == OutputFormat.Table && outPath is not null)
            {
                return context.Fail("--out needs --format md, html or json; the table format is for the console.");
            }

            var value = parsed.GetValue(org)!;
            if (Guid.TryParse(value, out var organizationId))
            {
                // The same handler as the API and the page: documents, record credits and open nonconformities count.
                return await context.GuardDatabaseAsync(async services =>
                {
                    var report = await services.GetRequiredService<StoredGapAnalysisHandler>()
                        .HandleAsync(new StoredGapRequest(organizationId, parsed.GetValue(target)!, parsed.GetValue(capacity)));
                    Emit(context, report, chosen, outPath);
                    return 0;
                });
            }

            return context.Guard(() =>
            {
                var organization = OrganizationFileReader.Read(value, InputFile.Read(value), context.Get<LoadedContent>().Catalog);
                Emit(context, context.Get<RunGapAnalysisHandler>().Handle(new RunGapAnalysisRequest(organization.ToState(DateOnly.FromDateTime(context.Get<TimeProvider>().GetUtcNow().UtcDateTime)), parsed.GetValue(target)!, parsed.GetValue(capacity))), chosen, outPath);
                return 0;
            });
        });
        return command;
    }

    private static void Emit(CliContext context, GapReport report, string format, string? outPath)
    {
        switch (format)
        {
            case OutputFormat.Markdown: context.Emit(GapMarkdownWriter.Write(report), outPath); break;
            case OutputFormat.Html: context.Emit(GapHtmlWriter.Write(report), outPath); break;
            case OutputFormat.Json: context.Emit(GapJsonWriter.Write(report), outPath); break;
            default: GapConsoleWriter.Write(context.Console(), report); break;
        }
    }
}
