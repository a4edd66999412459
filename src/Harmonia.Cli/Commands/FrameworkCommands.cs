using System.CommandLine;
using Harmonia.App.Common;
using Harmonia.App.Features.Catalogs;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

/// <summary><c>harmonia framework import|remove</c>: an organization's own frameworks (ADR 0036).</summary>
internal static class FrameworkCommands
{
    public static Command Create(CliContext context)
    {
        var org = OrganizationOption.Create("Organization id.");
        var file = new Argument<string>("file") { Description = "OSCAL catalog or profile (JSON), Harmonia framework or mapping YAML, or a GRC library YAML." };
        var format = new Option<string?>("--format") { Description = "oscal, yaml or grc; guessed from the file when left out." };
        var id = new Option<string?>("--id") { Description = "The framework id to give it (for OSCAL and GRC files; a Harmonia YAML names its own)." };
        var catalog = new Option<string?>("--catalog") { Description = "The OSCAL catalog a profile imports; the profile is resolved against it." };
        var import = new Command("import", "Import an own framework and/or mappings into one organization's catalog.") { org, file, format, id, catalog };
        import.SetAction((parsed, ct) => context.GuardDatabaseAsync(async services =>
        {
            var organizationId = await OrganizationAsync(services, parsed.GetValue(org)!);
            var path = parsed.GetValue(file)!;
            var catalogPath = parsed.GetValue(catalog);
            var result = await services.GetRequiredService<ImportFrameworkHandler>().HandleAsync(
                new ImportFrameworkRequest(
                    organizationId, Path.GetFileName(path), Read(path), Format(parsed.GetValue(format)), parsed.GetValue(id),
                    catalogPath is null ? null : Path.GetFileName(catalogPath), catalogPath is null ? null : Read(catalogPath)),
                ct);
            await context.Out.WriteLineAsync(result.FrameworkId is null
                ? $"Imported {result.Mappings} mappings."
                : $"Imported {result.FrameworkId} ({result.Name}): {result.Requirements} requirements under {result.Headings} headings, {result.Mappings} mappings.");
            return 0;
        }));

        var removeOrg = OrganizationOption.Create("Organization id.");
        var framework = new Argument<string>("framework") { Description = "The own framework's id." };
        var remove = new Command("remove", "Remove an own framework with its requirements, mappings and results.") { removeOrg, framework };
        remove.SetAction((parsed, ct) => context.GuardDatabaseAsync(async services =>
        {
            var organizationId = await OrganizationAsync(services, parsed.GetValue(removeOrg)!);
            var removed = await services.GetRequiredService<RemoveFrameworkHandler>().HandleAsync(new RemoveFrameworkRequest(organizationId, parsed.GetValue(framework)!), ct);
            await context.Out.WriteLineAsync($"Removed {parsed.GetValue(framework)} and its {removed} requirements and headings.");
            return 0;
        }));

        return new Command("framework", "An organization's own frameworks: import and remove.") { import, remove };
    }

    private static FrameworkSourceFormat? Format(string? value) => value switch
    {
        null => null,
        "oscal" => FrameworkSourceFormat.Oscal,
        "yaml" => FrameworkSourceFormat.Yaml,
        "grc" => FrameworkSourceFormat.Grc,
        _ => throw new InvalidInputException($"Unknown format '{value}': choose oscal, yaml or grc."),
    };

    /// <summary>Framework files are larger than organization files (SP 800-53 is megabytes), so they have their own limit.</summary>
    private static string Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"Cannot read '{path}': no such file.");
        }

        try
        {
            return BoundedText.ReadFile(path, FrameworkImportLimits.MaxBytes, $"'{path}'");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"Cannot read '{path}': {ex.Message}");
        }
    }

    private static async Task<Guid> OrganizationAsync(IServiceProvider services, string value)
    {
        var id = OrganizationOption.Parse(value);
        if (!await services.GetRequiredService<HarmoniaDbContext>().Organizations.AnyAsync(o => o.Id == id))
        {
            throw NotFoundException.Organization(id);
        }

        return id;
    }
}
