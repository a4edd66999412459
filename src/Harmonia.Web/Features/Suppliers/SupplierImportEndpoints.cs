using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Interop;
using Harmonia.App.Features.Suppliers;
using Harmonia.Web.Features.Interop;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Suppliers;

/// <summary>
/// The supplier register from a spreadsheet: through the API in one request (dry run or commit), and in the browser in
/// three steps (upload, check the mapping and the preview, import), the upload waiting in the database in between.
/// </summary>
internal static class SupplierImportEndpoints
{
    public static string ImportPage(Guid orgId) => $"/orgs/{orgId}/suppliers/import";

    public static string PreviewPage(Guid orgId, Guid importId) => $"/orgs/{orgId}/suppliers/import/{importId}";

    public static void MapSupplierImportEndpoints(this RouteGroupBuilder organization)
    {
        organization.MapPost("/suppliers/import", async (IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? mapping, bool? dryRun, bool? deleteMissing, bool? saveMapping, ImportSupplierRegisterHandler handler, CancellationToken ct) =>
            {
                var (name, content) = await SpreadsheetUploads.ReadAsync(file, ct);
                var preview = await handler.HandleAsync(SpreadsheetReader.Read(content, name), SavedImportMappings.Parse(mapping), new ImportOptions(dryRun ?? false, deleteMissing ?? false, saveMapping ?? false), ct);
                return preview.Errors > 0 && dryRun != true ? throw SpreadsheetUploads.Refusal(preview) : Results.Ok(preview);
            })
            .RequirePermission(Permission.Edit)
            .DisableAntiforgery()
            .WithMetadata(SpreadsheetUploads.RequestLimit)
            .WithMetadata(new StateDependentMetadata())
            .WithTags("Suppliers")
            .WithSummary("Import the register from a spreadsheet (multipart: file = .xlsx or .csv, optional mapping = JSON object of column header to field). "
                + "Rows with a key update that supplier in the file's columns; rows without add one; deleteMissing=true deletes suppliers the file leaves out. "
                + "dryRun=true returns the preview without saving; otherwise all or nothing: any row error is a 400 listing every row, and nothing changes. saveMapping=true keeps the mapping for the next file.");

        organization.MapGet("/suppliers/import/mapping", async (SavedImportMappings mappings, CancellationToken ct) =>
                Results.Ok(new { fields = SupplierCells.Fields.Where(f => !f.ReadOnly).Select(f => new { f.Key, f.Label, f.Aliases }), mapping = await mappings.GetAsync(ImportSupplierRegisterHandler.RegisterName, ct) }))
            .RequirePermission(Permission.Read)
            .WithTags("Suppliers")
            .WithSummary("The fields a supplier import fills, the column names each is matched by, and the organization's saved mapping.");
    }

    public static void MapSupplierImportPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/suppliers/import/upload", (Guid orgId, IFormFile? file, HttpContext http, PendingImports pending, CancellationToken ct) =>
                PageForms.Outcome(ImportPage(orgId), async () =>
                {
                    var (name, content) = await SpreadsheetUploads.ReadAsync(file, ct);

                    // Read once here so a file that is no spreadsheet is refused on the upload page, not on the next one.
                    SpreadsheetReader.Read(content, name);
                    var id = await pending.StoreAsync(http.User.Identity!.Name!, ImportSupplierRegisterHandler.RegisterName, name, content, ct);
                    return PreviewPage(orgId, id);
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(SpreadsheetUploads.RequestLimit)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/suppliers/import/{importId:guid}/run", (Guid orgId, Guid importId, HttpContext http, PendingImports pending, ImportSupplierRegisterHandler handler, CancellationToken ct) =>
                PageForms.Outcome(PreviewPage(orgId, importId), async () =>
                {
                    var user = http.User.Identity!.Name!;
                    var upload = await pending.LoadAsync(importId, user, ImportSupplierRegisterHandler.RegisterName, ct);
                    var form = await http.Request.ReadFormAsync(ct);
                    var table = SpreadsheetReader.Read(upload.Content, upload.FileName);
                    var mapping = SpreadsheetUploads.MappingFrom(form, table.Headers);
                    var deleteMissing = form["deleteMissing"] == "true";
                    await pending.ChooseAsync(importId, user, mapping, deleteMissing, ct);
                    if (form["step"] != "import")
                    {
                        return PreviewPage(orgId, importId);
                    }

                    var preview = await handler.HandleAsync(table, mapping, new ImportOptions(DryRun: false, deleteMissing, SaveMapping: form["saveMapping"] == "true"), ct);
                    if (preview.Errors > 0)
                    {
                        // The preview page shows every row's problem; the message says why nothing happened.
                        throw new InvalidInputException(preview.Summary);
                    }

                    await pending.ForgetAsync(importId, ct);
                    return $"{Links.Suppliers(orgId)}?saved={Uri.EscapeDataString($"import of {upload.FileName}: {preview.Added} added, {preview.Updated} updated, {preview.Deleted} deleted, {preview.Unchanged} unchanged")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
    }
}
