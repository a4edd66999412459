using System.CommandLine;
using Harmonia.App.Common;
using Harmonia.App.Features.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

/// <summary>Registers from spreadsheets: the same reading, matching and all-or-nothing rules as the browser and the API.</summary>
internal static class ImportCommands
{
    public static Command Create(CliContext context) => new("import", "Import registers from spreadsheets (XLSX or CSV); all or nothing.")
    {
        Register(context, "suppliers", "Import the supplier register: rows with a key (SUP-n) update that supplier, rows without one add a supplier."),
        Register(context, "risks", "Import the risk register: rows whose key (R-12) is in the register update that risk, rows with a new key add one."),
        Register(context, "ai-systems", "Import the AI system register: rows whose key (AI-03) is in the register update that system, rows with a new key add one; choices in words or tokens."),
    };

    private static Command Register(CliContext context, string register, string description)
    {
        var org = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var file = new Argument<string>("file") { Description = "The spreadsheet: .xlsx or .csv, first row the column names." };
        var mapping = new Option<string?>("--mapping") { Description = "A JSON file mapping column headers to fields, e.g. {\"Vendor\": \"name\", \"Notes\": \"\"}." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and show what would change, without saving." };
        var deleteMissing = new Option<bool>("--delete-missing") { Description = "Delete what the file leaves out." };
        var saveMapping = new Option<bool>("--save-mapping") { Description = "Remember the column matching for the next import." };
        var command = new Command(register, description) { org, file, mapping, dryRun, deleteMissing, saveMapping };
        command.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            await RegisterExportCommands.EnterAsync(services, parsed.GetValue(org)!);
            var path = parsed.GetValue(file)!;
            var table = SpreadsheetReader.Read(ReadBytes(path), path);
            var given = parsed.GetValue(mapping) is { } mappingPath ? SavedImportMappings.Parse(InputFile.Read(mappingPath)) : null;
            var import = services.GetServices<IRegisterImport>().Single(i => i.Register == register);
            var preview = await import.HandleAsync(table, given, new ImportOptions(parsed.GetValue(dryRun), parsed.GetValue(deleteMissing), parsed.GetValue(saveMapping)));
            return await ReportAsync(context, preview);
        }));
        return command;
    }

    private static async Task<int> ReportAsync(CliContext context, ImportPreview preview)
    {
        foreach (var column in preview.Columns)
        {
            await context.Error.WriteLineAsync($"column '{column.Header}': {(column.Field is null ? column.How : $"{column.FieldLabel} ({column.How})")}");
        }

        foreach (var row in preview.Rows.Where(r => r.Action != ImportActions.Unchanged))
        {
            var what = row.Errors.Count > 0 ? string.Join(" ", row.Errors.Select(e => e.Describe(row.Row)))
                : $"{(row.Row > 0 ? $"Row {row.Row}" : "Not in the file")}: {row.Action} {row.Key} {row.Name}{(row.Changed.Count > 0 ? $" ({string.Join(", ", row.Changed)})" : string.Empty)}";
            await (row.Errors.Count > 0 ? context.Error : context.Out).WriteLineAsync(what);
        }

        await (preview.Errors > 0 ? context.Error : context.Out).WriteLineAsync(preview.Summary);
        return preview.Errors > 0 ? 1 : 0;
    }

    private static byte[] ReadBytes(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new InvalidInputException($"Cannot read '{path}': no such file.");
            }

            return info.Length > SpreadsheetReader.MaxBytes ? throw new InputTooLargeException($"'{path}'", SpreadsheetReader.MaxBytes) : File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"Cannot read '{path}': {ex.Message}");
        }
    }
}
