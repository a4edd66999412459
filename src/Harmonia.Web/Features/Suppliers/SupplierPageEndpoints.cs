using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Suppliers;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmonia.Web.Features.Suppliers;

/// <summary>Form posts of the supplier register and supplier pages (cookie sign-in, antiforgery checked).</summary>
internal static class SupplierPageEndpoints
{
    private const string SupplierRoute = "/orgs/{orgId:guid}/suppliers/{supplierId:guid}";

    public static string Register(Guid orgId) => Links.Suppliers(orgId);

    public static string Supplier(Guid orgId, Guid supplierId) => $"/orgs/{orgId}/suppliers/{supplierId}";

    public static void MapSupplierPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/suppliers/add", async Task<IResult> (Guid orgId, HttpRequest request, SaveSupplierHandler save, CancellationToken ct) =>
            {
                var values = SupplierForm.Values(await request.ReadFormAsync(ct));
                try
                {
                    var created = await save.CreateAsync(SupplierForm.Read(values), ct);
                    return Results.Redirect($"{Supplier(orgId, created.Id)}?saved={Uri.EscapeDataString($"{created.Key} {created.Name} added to the register")}");
                }
                catch (Exception ex) when (ex is not NotFoundException && PageForms.MessageFor(ex) is { } message)
                {
                    return Retry(request.HttpContext, ex, "Add a supplier", $"/orgs/{orgId}/suppliers/add", Register(orgId), message, values, null);
                }
            })
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(SupplierRoute + "/edit", async Task<IResult> (Guid orgId, Guid supplierId, HttpRequest request, SaveSupplierHandler save, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var version = FormValues.Number(FormValues.Text(form, "version"));
                var values = SupplierForm.Values(form);
                try
                {
                    var saved = await save.UpdateAsync(supplierId, version, SupplierForm.Read(values), ct);
                    return Results.Redirect($"{Supplier(orgId, supplierId)}?saved={Uri.EscapeDataString($"{saved.Key} saved")}");
                }
                catch (NotFoundException)
                {
                    return Results.NotFound();
                }
                catch (Exception ex) when (PageForms.MessageFor(ex) is { } message)
                {
                    return Retry(request.HttpContext, ex, "Edit the supplier", $"/orgs/{orgId}/suppliers/{supplierId}/edit", Supplier(orgId, supplierId), message, values, version);
                }
            })
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(SupplierRoute + "/review", (Guid orgId, Guid supplierId, HttpRequest request, RecordSupplierReviewHandler record, CancellationToken ct) =>
                PageForms.Outcome(Supplier(orgId, supplierId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var supplier = await record.HandleAsync(supplierId, new SupplierReviewInput(FormValues.Date(form, "on"), FormValues.Text(form, "reviewer"), FormValues.Text(form, "outcome"), FormValues.Text(form, "notes")), ct);
                    return $"{Supplier(orgId, supplierId)}?saved={Uri.EscapeDataString($"review of {supplier.Key} recorded; next review due {supplier.Standing.NextReviewDue:yyyy-MM-dd}")}#reviews";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(SupplierRoute + "/delete", (Guid orgId, Guid supplierId, HttpRequest request, DeleteSupplierHandler delete, CancellationToken ct) =>
                PageForms.Outcome(Supplier(orgId, supplierId), async () =>
                {
                    await PageForms.RequireConfirmationAsync(request, ct);
                    await delete.HandleAsync(supplierId, ct);
                    return $"{Register(orgId)}?saved={Uri.EscapeDataString("supplier deleted")}";
                }))
            .RequirePagePermission(Permission.Delete)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/suppliers/delete", (Guid orgId, HttpRequest request, DeleteSuppliersHandler delete, CancellationToken ct) =>
                PageForms.BulkDeleteAsync(request, Register(orgId), async form =>
                {
                    var deleted = await delete.HandleAsync(new DeleteSuppliersInput(FormValues.Ids(form, "supplierIds")), ct);
                    return $"{deleted.Count} suppliers deleted ({string.Join(", ", deleted)}); the audit trail keeps what they were.";
                }, ct))
            .RequirePagePermission(Permission.Delete)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapGet("/orgs/{orgId:guid}/suppliers/export", async Task<IResult> (Guid orgId, string? format, string? kind, string? tier, string? status, bool? due, string? sort, ExportSupplierRegisterHandler export, CancellationToken ct) =>
            {
                try
                {
                    var order = PageSort.Of(sort, ListSuppliersHandler.SortKeys.Keys, ListSuppliersHandler.DefaultSort);
                    var file = await export.FileAsync(format ?? "csv", new SupplierFilter(kind, tier, status, due ?? false), order, ct);
                    return Results.File(file.Content, file.ContentType, file.FileName);
                }
                catch (InvalidInputException ex)
                {
                    return Results.Redirect(PageForms.WithError(Register(orgId), ex.Message));
                }
            })
            .RequirePagePermission(Permission.Read);

        app.MapPost("/orgs/{orgId:guid}/suppliers/tiers", (Guid orgId, HttpRequest request, SaveSupplierTiersHandler save, CancellationToken ct) =>
                PageForms.Outcome(Register(orgId) + "#tiers", async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var tiers = (FormValues.Text(form, "tiers") ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
                        .Select(l => l.Split('|').Select(p => p.Trim()).ToArray())
                        .Select(p => new SupplierTierInput(p.ElementAtOrDefault(0), p.ElementAtOrDefault(1), p.ElementAtOrDefault(3), int.TryParse(p.ElementAtOrDefault(2), out var months) ? months : null))
                        .ToArray();
                    await save.HandleAsync(FormValues.Number(FormValues.Text(form, "version")), tiers, ct);
                    return $"{Register(orgId)}?saved={Uri.EscapeDataString("criticality tiers saved")}#tiers";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
    }

    /// <summary>A refused supplier form comes back filled with what was typed, so nothing has to be entered twice.</summary>
    private static RazorComponentResult<SupplierFormPage> Retry(HttpContext context, Exception refusal, string heading, string action, string back, string error, IReadOnlyDictionary<string, string> values, int? version)
    {
        // The messages per field reach the fields (and the summary linking to them) through the same flash a
        // redirected form reads (ADR 0023).
        context.Items[typeof(FormFlash)] = FormFlash.Empty with { Error = error, FieldErrors = (refusal as InvalidInputException)?.Errors ?? FormFlash.Empty.FieldErrors };
        return new(new { Heading = heading, Action = action, Back = back, Error = error, Values = values, Version = version })
        {
            StatusCode = StatusCodes.Status400BadRequest,
        };
    }
}
