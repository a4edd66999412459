using System.CommandLine;
using Harmonia.App.Common;
using Harmonia.App.Features.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

/// <summary>`harmonia oscal export`: catalogs and crosswalks as OSCAL documents.</summary>
internal static class OscalCommands
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model")
        {
            Description = "catalog (one framework), mapping (a crosswalk), or for one organization (--org): component (its controls), assessment-results (its gap analysis) or poam (its open work and nonconformities).",
            Required = true,
        };
        model.AcceptOnlyFromAmong("catalog", "mapping", "component", "assessment-results", "poam");
        var framework = new Option<string?>("--framework") { Description = "The framework of a catalog, e.g. iso42001-2023." };
        var from = new Option<string?>("--from") { Description = "The source framework of a mapping, e.g. iso27001-2022." };
        var to = new Option<string?>("--to") { Description = "The target framework of a mapping, e.g. iso42001-2023." };
        var org = new Option<string?>("--org") { Description = "The organization id of component, assessment-results and poam (see 'harmonia org list')." };
        var output = OutputFormat.CreateOutOption();
        var export = new Command("export", "Write an OSCAL 1.2.2 JSON document (to the console, or whole to --out).") { model, framework, from, to, org, output };
        export.SetAction((parsed, _) => parsed.GetValue(model) is "component" or "assessment-results" or "poam"
            ? ExportOrganizationAsync(context, parsed.GetValue(model)!, parsed.GetValue(org), parsed.GetValue(output))
            : Task.FromResult(context.Guard(() =>
        {
            var document = parsed.GetValue(model) switch
            {
                "catalog" => context.Get<ExportOscalCatalogHandler>().Handle(parsed.GetValue(framework) ?? throw new InvalidInputException("--model catalog needs --framework, e.g. --framework iso42001-2023.")),
                _ => context.Get<ExportOscalMappingHandler>().Handle(
                    parsed.GetValue(from) ?? throw new InvalidInputException("--model mapping needs --from and --to."),
                    parsed.GetValue(to) ?? throw new InvalidInputException("--model mapping needs --from and --to.")),
            };
            context.Emit(OscalDocument.Write(document), parsed.GetValue(output));
            return HarmoniaCli.Success;
        })));
        return new Command("oscal", "OSCAL documents (NIST's Open Security Controls Assessment Language).") { export };
    }

    private static async Task<int> ExportOrganizationAsync(CliContext context, string model, string? organization, string? output)
    {
        if (organization is null)
        {
            return context.Fail($"--model {model} needs --org, the organization id (see 'harmonia org list').");
        }

        return await context.GuardDatabaseAsync(async services =>
        {
            var (_, id) = await RegisterExportCommands.EnterAsync(services, organization);
            var document = model switch
            {
                "component" => await services.GetRequiredService<ExportOscalComponentDefinitionHandler>().HandleAsync(id),
                "assessment-results" => await services.GetRequiredService<ExportOscalAssessmentResultsHandler>().HandleAsync(id),
                _ => await services.GetRequiredService<ExportOscalPoamHandler>().HandleAsync(id),
            };
            context.Emit(OscalDocument.Write(document), output);
            return HarmoniaCli.Success;
        });
    }
}
