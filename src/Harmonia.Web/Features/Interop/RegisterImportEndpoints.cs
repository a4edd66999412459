using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Interop;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Interop;

/// <summary>
/// Registers from spreadsheets (ADR 0022): through the API in one request (dry run or commit), and in the browser in three
/// steps (upload, check the matching and the preview, import), the upload waiting in the database in between.
/// </summary>
internal static class RegisterImportEndpoints
{
    /// <summary>The registers that import, with the page they belong to.</summary>
    public static readonly IReadOnlyDictionary<string, (string Title, Func<Guid, string> ListPage)> Registers = new Dictionary<string, (string, Func<Guid, string>)>(StringComparer.Ordinal)
    {
        ["suppliers"] = ("Suppliers", Links.Suppliers),
        ["risks"] = ("Risks", Links.Risks),
        ["ai-systems"] = ("AI systems", Links.AiSystems),
    };

    /// <summary>A register's title inside a sentence: "suppliers", but "AI systems" keeps its capitals.</summary>
    public static string InSentence(string title) =>
        title.Length > 1 && char.IsUpper(title[0]) && char.IsLower(title[1]) ? char.ToLowerInvariant(title[0]) + title[1..] : title;

    public static string ImportPage(Guid orgId, string register) => $"/orgs/{orgId}/import/{register}";

    public static string PreviewPage(Guid orgId, string register, Guid importId) => $"/orgs/{orgId}/import/{register}/{importId}";

    /// <summary>Throws NotFoundException for a register that does not import.</summary>
    public static IRegisterImport Find(IEnumerable<IRegisterImport> imports, string register) =>
        imports.FirstOrDefault(i => i.Register == register) ?? throw new NotFoundException("register", register);

    public static void MapRegisterImportEndpoints(this RouteGroupBuilder organization)
    {
        foreach (var (register, (title, _)) in Registers)
        {
            organization.MapPost($"/{register}/import", async (HttpRequest request, bool? dryRun, bool? deleteMissing, bool? saveMapping, IEnumerable<IRegisterImport> imports, CancellationToken ct) =>
                {
                    var (name, content, mapping) = await SpreadsheetUploads.ReadFormAsync(request, ct);
                    var preview = await Find(imports, register).HandleAsync(SpreadsheetReader.Read(content, name), SavedImportMappings.Parse(mapping), new ImportOptions(dryRun ?? false, deleteMissing ?? false, saveMapping ?? false), ct);
                    return preview.Errors > 0 && dryRun != true ? throw SpreadsheetUploads.Refusal(preview) : Results.Ok(preview);
                })
                .RequirePermission(Permission.Edit)
                .DisableAntiforgery()
                .WithMetadata(SpreadsheetUploads.RequestLimit)
                .WithMetadata(new StateDependentMetadata())
                .WithTags(title)
                .WithSummary($"Import the {register} register from a spreadsheet (multipart: file = .xlsx or .csv, optional mapping = JSON object of column header to field). "
                    + "Rows with a key in the register update it in the file's columns; other rows add; deleteMissing=true deletes what the file leaves out. "
                    + "dryRun=true returns the preview without saving; otherwise all or nothing: any row error is a 400 listing every row, and nothing changes. saveMapping=true keeps the mapping for the next file.");

            organization.MapGet($"/{register}/import/mapping", async (IEnumerable<IRegisterImport> imports, SavedImportMappings mappings, CancellationToken ct) =>
                    Results.Ok(new { fields = Find(imports, register).Fields.Where(f => !f.ReadOnly).Select(f => new { f.Key, f.Label, f.Aliases, f.Hint }), mapping = await mappings.GetAsync(register, ct) }))
                .RequirePermission(Permission.Read)
                .WithTags(title)
                .WithSummary($"The fields a {register} import fills, the column names each is matched by, and the organization's saved mapping.");
        }
    }

    public static void MapRegisterImportPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/import/{register}/upload", (Guid orgId, string register, HttpContext http, IEnumerable<IRegisterImport> imports, PendingImports pending, CancellationToken ct) =>
                PageForms.Outcome(ImportPage(orgId, register), async () =>
                {
                    Find(imports, register);
                    var (name, content, _) = await SpreadsheetUploads.ReadFormAsync(http.Request, ct);

                    // Read once here so a file that is no spreadsheet is refused on the upload page, not on the next one.
                    SpreadsheetReader.Read(content, name);
                    var id = await pending.StoreAsync(http.User.Identity!.Name!, register, name, content, ct);
                    return PreviewPage(orgId, register, id);
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithMetadata(SpreadsheetUploads.RequestLimit)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/import/{register}/{importId:guid}/run", (Guid orgId, string register, Guid importId, HttpContext http, PendingImports pending, IEnumerable<IRegisterImport> imports, CancellationToken ct) =>
                PageForms.Outcome(PreviewPage(orgId, register, importId), async () =>
                {
                    var import = Find(imports, register);
                    var user = http.User.Identity!.Name!;
                    var upload = await pending.LoadAsync(importId, user, register, ct);
                    var form = await http.Request.ReadFormAsync(ct);
                    var table = SpreadsheetReader.Read(upload.Content, upload.FileName);
                    var mapping = SpreadsheetUploads.MappingFrom(form, table.Headers);
                    var deleteMissing = form["deleteMissing"] == "true";
                    await pending.ChooseAsync(importId, user, mapping, deleteMissing, ct);
                    if (form["step"] != "import")
                    {
                        return PreviewPage(orgId, register, importId);
                    }

                    var preview = await import.HandleAsync(table, mapping, new ImportOptions(DryRun: false, deleteMissing, SaveMapping: form["saveMapping"] == "true"), ct);
                    if (preview.Errors > 0)
                    {
                        // The preview page shows every row's problem; the message says why nothing happened.
                        throw new InvalidInputException(preview.Summary);
                    }

                    await pending.ForgetAsync(importId, ct);
                    return $"{Registers[register].ListPage(orgId)}?saved={Uri.EscapeDataString($"import of {upload.FileName}: {preview.Added} added, {preview.Updated} updated, {preview.Deleted} deleted, {preview.Unchanged} unchanged")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
    }
}
