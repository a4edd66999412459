using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Harmonia.App.Common;
using Harmonia.App.Features.Certification;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

/// <summary>`harmonia audit-time`: the audit-time estimate of a stored organization, as text or JSON.</summary>
internal static class CertificationCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static Command AuditTime(CliContext context)
    {
        var org = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var format = new Option<string>("--format") { Description = "text (every input, factor and source) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", OutputFormat.Json);
        var command = new Command("audit-time", "Estimated certification audit days for ISO/IEC 27001, ISO/IEC 42001 and the integrated audit, with every factor and source; verify with your certification body.") { org, format };
        command.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            var (_, id) = await RegisterExportCommands.EnterAsync(services, parsed.GetValue(org)!);
            var view = await services.GetRequiredService<GetAuditTimeHandler>().HandleAsync(id);
            if (view.Estimate is null)
            {
                throw new InvalidInputException(view.Missing ?? "The estimate cannot be computed.");
            }

            context.Out.Write(parsed.GetValue(format) == OutputFormat.Json ? JsonSerializer.Serialize(view, Json) + Environment.NewLine : AuditTimeText.Write(view));
            return HarmoniaCli.Success;
        }));
        return command;
    }
}
