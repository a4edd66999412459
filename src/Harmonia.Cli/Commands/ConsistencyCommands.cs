using System.CommandLine;
using System.Text.Json;
using Harmonia.App.Features.Consistency;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

/// <summary>`harmonia consistency`: contradictions between the answers and the organization's records.</summary>
internal static class ConsistencyCommands
{
    /// <summary>Exit code of `consistency --check` while a finding is open: distinct from bad input (1) and usage (2).</summary>
    public const int OpenFindings = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliContext context)
    {
        var org = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var format = new Option<string>("--format") { Description = "table (console) or json.", DefaultValueFactory = _ => OutputFormat.Table };
        format.AcceptOnlyFromAmong(OutputFormat.Table, OutputFormat.Json);
        var check = new Option<bool>("--check") { Description = $"Exit with {OpenFindings} while any finding is open (for a pipeline that publishes documents)." };
        var command = new Command("consistency", "Contradictions between the questionnaire answers and the AI inventory or evidence; open ones block the documents that state them.") { org, format, check };
        command.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            await RegisterExportCommands.EnterAsync(services, parsed.GetValue(org)!);
            var report = await services.GetRequiredService<GetConsistencyHandler>().HandleAsync();
            if (parsed.GetValue(format) == OutputFormat.Json)
            {
                context.Out.WriteLine(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                WriteTable(context.Out, report);
            }

            return parsed.GetValue(check) && report.Open > 0 ? OpenFindings : HarmoniaCli.Success;
        }));
        return command;
    }

    private static void WriteTable(TextWriter output, ConsistencyReport report)
    {
        output.WriteLine($"{report.Open} open, {report.Acknowledged} acknowledged");
        foreach (var finding in report.Findings.OrderBy(f => f.Open ? 0 : 1).ThenBy(f => f.Id, StringComparer.Ordinal))
        {
            output.WriteLine();
            output.WriteLine($"[{(finding.Open ? "open" : "acknowledged")}] {finding.Title}");
            output.WriteLine($"  {finding.Message}");
            output.WriteLine($"  Fix at: {string.Join(", ", finding.FixAt.Select(f => $"{f.Kind switch { Harmonia.Domain.Consistency.ConsistencyFixKind.Answer => "answer", Harmonia.Domain.Consistency.ConsistencyFixKind.AiSystem => "AI system", _ => "control" }} {f.Key}"))}");
            if (finding.Documents.Count > 0)
            {
                output.WriteLine($"  {(finding.Open ? "Blocks publishing" : "States the fact")}: {string.Join(", ", finding.Documents.Select(d => d.Title))}");
            }

            if (finding.Acknowledgement is { } given)
            {
                output.WriteLine($"  Acknowledged by {given.By} on {given.AcknowledgedUtc:yyyy-MM-dd}: {given.Reason}");
            }
            else if (finding.VoidAcknowledgement is { } old)
            {
                output.WriteLine($"  An acknowledgement of {old.AcknowledgedUtc:yyyy-MM-dd} no longer counts: the facts changed since.");
            }

            output.WriteLine($"  Id: {finding.Id}");
        }
    }
}
