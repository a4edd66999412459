using System.CommandLine;
using Harmonia.App.Common;
using Harmonia.App.Features.Risks;
using Harmonia.App.Features.Soa;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

/// <summary>Exports of the registers an auditor asks for: the Statements of Applicability and the risk treatment plan.</summary>
internal static class RegisterExportCommands
{
    private static readonly string[] Formats = ["xlsx", "csv", "docx", "pdf", "md", "html"];

    public static Command Soa(CliContext context)
    {
        var org = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var framework = new Option<string>("--framework") { Description = "iso27001-2022 or iso42001-2023.", Required = true };
        framework.AcceptOnlyFromAmong(SoaJson.Frameworks);
        var version = new Option<int?>("--version") { Description = "The version to export; by default the approved one, or the latest when none is approved." };
        var (format, output) = FileOptions();
        var export = new Command("export", "Export a Statement of Applicability as xlsx, csv, docx, pdf, md or html.") { org, framework, version, format, output };
        export.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            var frameworkId = parsed.GetValue(framework)!;
            var (db, _) = await EnterAsync(services, parsed.GetValue(org)!);
            var number = parsed.GetValue(version)
                ?? await db.SoaVersions.Where(v => v.FrameworkId == frameworkId && v.Status == SoaStatuses.Approved).MaxAsync(v => (int?)v.Number)
                ?? await db.SoaVersions.Where(v => v.FrameworkId == frameworkId).MaxAsync(v => (int?)v.Number)
                ?? throw new InvalidInputException($"The organization has no saved Statement of Applicability for {frameworkId} yet: save one in the browser or with POST /api/orgs/{{orgId}}/soa/{frameworkId}.");
            var file = await services.GetRequiredService<ExportSoaHandler>().HandleAsync(frameworkId, number, parsed.GetValue(format)!);
            return Write(context, file, parsed.GetValue(output)!);
        }));
        return new Command("soa", "Statements of Applicability.") { export };
    }

    public static Command Risks(CliContext context)
    {
        var org = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var (format, output) = FileOptions();
        var export = new Command("export", "Export the risk treatment plan as xlsx, csv, docx, pdf, md or html.") { org, format, output };
        export.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            await EnterAsync(services, parsed.GetValue(org)!);
            var file = await services.GetRequiredService<ExportRiskTreatmentPlanHandler>().HandleAsync(parsed.GetValue(format)!);
            return Write(context, file, parsed.GetValue(output)!);
        }));
        return new Command("risks", "The risk register.") { export };
    }

    private static (Option<string> Format, Option<string> Output) FileOptions()
    {
        var format = new Option<string>("--format") { Description = "xlsx, csv, docx, pdf, md or html.", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong(Formats);
        return (format, new Option<string>("--out") { Description = "The file to write.", Required = true });
    }

    /// <summary>Checks the organization exists and enters its tenant scope.</summary>
    internal static async Task<(HarmoniaDbContext Db, Guid Id)> EnterAsync(IServiceProvider services, string organization)
    {
        var id = OrganizationOption.Parse(organization);
        var db = services.GetRequiredService<HarmoniaDbContext>();
        if (!await db.Organizations.AnyAsync(o => o.Id == id))
        {
            throw new InvalidInputException($"There is no organization {id} (see 'harmonia org list').");
        }

        services.GetRequiredService<TenantScope>().Enter(id);
        return (db, id);
    }

    private static int Write(CliContext context, GeneratedFile file, string output)
    {
        context.EmitFile(file.Content, output);
        return 0;
    }
}
