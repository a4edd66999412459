using System.CommandLine;
using Harmonia.App.Common;
using Harmonia.App.Features.Interop;

namespace Harmonia.Cli;

/// <summary>`harmonia oscal export`: catalogs and crosswalks as OSCAL documents.</summary>
internal static class OscalCommands
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "catalog (one framework) or mapping (a crosswalk).", Required = true };
        model.AcceptOnlyFromAmong("catalog", "mapping");
        var framework = new Option<string?>("--framework") { Description = "The framework of a catalog, e.g. iso42001-2023." };
        var from = new Option<string?>("--from") { Description = "The source framework of a mapping, e.g. iso27001-2022." };
        var to = new Option<string?>("--to") { Description = "The target framework of a mapping, e.g. iso42001-2023." };
        var output = OutputFormat.CreateOutOption();
        var export = new Command("export", "Write an OSCAL 1.2.2 JSON document (to the console, or whole to --out).") { model, framework, from, to, output };
        export.SetAction(parsed => context.Guard(() =>
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
        }));
        return new Command("oscal", "OSCAL documents (NIST's Open Security Controls Assessment Language).") { export };
    }
}
