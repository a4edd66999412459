using System.CommandLine;
using Harmonia.App.Content;
using Harmonia.App.Features.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Harmonia.Cli;

internal static class OrganizationsCommands
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "Organization file (YAML)." };
        var into = new Option<string?>("--org") { Description = "Bring this existing organization in line with the file instead of creating a new one." };
        var import = new Command("import", "Import an organization file into the database (every change lands in the audit trail).") { file, into };
        import.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            var path = parsed.GetValue(file)!;
            var organization = OrganizationFileReader.Read(path, InputFile.Read(path), services.GetRequiredService<LoadedContent>().Catalog);
            var target = parsed.GetValue(into) is { } id ? OrganizationOption.Parse(id) : (Guid?)null;
            var outcome = await services.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(organization, target));
            await context.Out.WriteLineAsync(outcome.Created
                ? $"Imported '{organization.Profile.Name}' as organization {outcome.OrganizationId} ({outcome.Changes} records)."
                : $"Updated organization {outcome.OrganizationId} from {path} ({outcome.Changes} changes).");
            return 0;
        }));

        var org = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var output = OutputFormat.CreateOutOption();
        var export = new Command("export", "Export an organization as an organization file (YAML).") { org, output };
        export.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            var loaded = await services.GetRequiredService<LoadOrganizationHandler>().HandleAsync(new LoadOrganizationRequest(OrganizationOption.Parse(parsed.GetValue(org)!)));
            context.Emit(OrganizationFileWriter.Write(loaded), parsed.GetValue(output));
            return 0;
        }));

        var archiveOrg = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var archiveOut = new Option<string>("--out") { Description = "Write the archive to this file (a .json, or a .zip with --with-files).", Required = true };
        var withFiles = new Option<bool>("--with-files") { Description = "Write a zip that carries the stored evidence and document files beside the archive." };
        var exportArchive = new Command("export-archive", "Export the whole organization, every record and its audit trail, as an organization archive (docs/organization-file.md).") { archiveOrg, archiveOut, withFiles };
        exportArchive.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            var path = parsed.GetValue(archiveOut)!;
            OrganizationArchiveSummary? summary = null;
            await CliContext.EmitStreamAsync(path, async stream => summary = await services.GetRequiredService<ExportOrganizationArchiveHandler>()
                .HandleAsync(new ExportOrganizationArchiveRequest(OrganizationOption.Parse(parsed.GetValue(archiveOrg)!), parsed.GetValue(withFiles)), stream));
            await context.Out.WriteLineAsync($"Wrote {path}: '{summary!.Name}', {summary.Rows} records in {summary.Tables} tables, {summary.People} people, {summary.Files} files.");
            return 0;
        }));

        var archiveFile = new Argument<string>("file") { Description = "Organization archive (.json or .zip) written by export-archive." };
        var importArchive = new Command("import-archive", "Import an organization archive into this database, which must not hold the organization yet; all or nothing.") { archiveFile };
        importArchive.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            var path = parsed.GetValue(archiveFile)!;
            if (!File.Exists(path))
            {
                return context.Fail($"'{path}' does not exist.");
            }

            await using var input = File.OpenRead(path);
            var outcome = await services.GetRequiredService<ImportOrganizationArchiveHandler>().HandleAsync(input);
            await context.Out.WriteLineAsync($"Imported '{outcome.Name}' as organization {outcome.OrganizationId}: {outcome.Rows} records, {outcome.Files} files, {outcome.PeopleMatched} people matched to existing accounts, {outcome.PeopleCreated} accounts created without a passphrase (they sign in after an Owner issues a reset link, or through single sign-on).");
            return 0;
        }));

        var list = new Command("list", "List the organizations in the database.");
        list.SetAction((_, _) => context.GuardDatabaseAsync(async services =>
        {
            var organizations = await services.GetRequiredService<ListOrganizationsHandler>().HandleAsync();
            if (organizations.Count == 0)
            {
                await context.Out.WriteLineAsync("No organizations yet. Import one: harmonia org import examples/acme-iso27001-certified.yaml");
                return 0;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Id").AddColumn("Name").AddColumn(new TableColumn("Controls").RightAligned()).AddColumn("Created (UTC)");
            foreach (var o in organizations)
            {
                table.AddRow(o.Id.ToString(), Markup.Escape(o.Name), o.Controls.ToString(System.Globalization.CultureInfo.InvariantCulture), o.CreatedUtc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            }

            context.Console().Write(table);
            return 0;
        }));

        return new Command("org", "Organizations in the database: import, export, archives, list, members.") { import, export, exportArchive, importArchive, list, AccountsCommands.AddMember(context) };
    }
}
