using System.CommandLine;
using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Readiness;
using Harmonia.Domain.Readiness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

/// <summary>`harmonia readiness` and `harmonia audits report`: certification readiness and audit reports from the database.</summary>
internal static class ReadinessCommands
{
    /// <summary>Exit code of `readiness --check` when a stage is not ready: distinct from bad input (1) and usage (2).</summary>
    public const int NotReady = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Readiness(CliContext context)
    {
        var org = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var format = new Option<string>("--format") { Description = "table (console) or json.", DefaultValueFactory = _ => OutputFormat.Table };
        format.AcceptOnlyFromAmong(OutputFormat.Table, OutputFormat.Json);
        var check = new Option<bool>("--check") { Description = $"Exit with {NotReady} unless Stage 1 and Stage 2 of the integrated audit are ready (for a pipeline)." };
        var command = new Command("readiness", "Stage 1 and Stage 2 readiness per standard and for an integrated audit, with the blocking items.") { org, format, check };
        command.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            var (_, id) = await RegisterExportCommands.EnterAsync(services, parsed.GetValue(org)!);
            var assessment = await services.GetRequiredService<GetReadinessHandler>().HandleAsync(id);
            if (parsed.GetValue(format) == OutputFormat.Json)
            {
                context.Out.WriteLine(JsonSerializer.Serialize(assessment, Json));
            }
            else
            {
                WriteTable(context.Out, assessment);
            }

            var ready = assessment.Integrated.Stage1.Ready && assessment.Integrated.Stage2.Ready;
            return parsed.GetValue(check) && !ready ? NotReady : HarmoniaCli.Success;
        }));
        return command;
    }

    public static Command Audits(CliContext context)
    {
        var org = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var key = new Option<string>("--audit") { Description = "The audit's key, e.g. IA-2026-01.", Required = true };
        var format = new Option<string>("--format") { Description = "docx, pdf, md or html.", DefaultValueFactory = _ => "pdf" };
        format.AcceptOnlyFromAmong("docx", "pdf", "md", "html");
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var report = new Command("report", "Write an internal audit report (a draft while the audit runs).") { org, key, format, output };
        report.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            var (db, _) = await RegisterExportCommands.EnterAsync(services, parsed.GetValue(org)!);
            var wanted = parsed.GetValue(key)!.Trim();
            var auditId = await db.Audits.Where(a => a.Key == wanted).Select(a => (Guid?)a.Id).SingleOrDefaultAsync()
                ?? throw new InvalidInputException($"The organization has no audit '{wanted}'.");
            var file = (await services.GetRequiredService<ExportAuditReportHandler>().HandleAsync(auditId, parsed.GetValue(format)!))!;
            context.EmitFile(file.Content, parsed.GetValue(output)!);
            return HarmoniaCli.Success;
        }));
        return new Command("audits", "Internal audits.") { report };
    }

    private static void WriteTable(TextWriter output, ReadinessAssessment assessment)
    {
        foreach (var framework in assessment.Frameworks.Append(assessment.Integrated))
        {
            output.WriteLine(framework.FrameworkIds.Count > 1 ? $"Integrated audit: {framework.Name}" : framework.Name);
            foreach (var (stage, name) in new[] { (framework.Stage1, "Stage 1 (documents and records)"), (framework.Stage2, "Stage 2 (implementation)") })
            {
                output.WriteLine($"  {name}: {(stage.Ready ? "ready" : "not ready")}, {stage.Score}% ({stage.Passed} of {stage.Checks.Count} checks pass)");
                foreach (var blocking in stage.Blocking.Take(20))
                {
                    output.WriteLine($"    - {blocking.Text}");
                }

                if (stage.Blocking.Count > 20)
                {
                    output.WriteLine($"    ... and {stage.Blocking.Count - 20} more blocking items (--format json lists them all)");
                }
            }
        }
    }
}
