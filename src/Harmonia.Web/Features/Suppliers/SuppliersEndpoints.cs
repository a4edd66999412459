using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Suppliers;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Suppliers;

internal static class SuppliersEndpoints
{
    public static void MapSuppliersEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Suppliers");

        group.MapGet("/suppliers", async (string? kind, string? tier, string? status, bool? due, int? page, int? pageSize, string? sort, ListSuppliersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(new SupplierFilter(kind, tier, status, due ?? false), PageRequest.Of(page, pageSize), SortOrder.Parse(sort, ListSuppliersHandler.SortKeys.Keys.ToArray(), ListSuppliersHandler.DefaultSort), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The supplier register, paged, with each supplier's links, contracts, certifications, reviews and standing (next review due, what is overdue). Filters: kind, tier, status, due=true; sort by key, name, kind, tier, status, next or due, with a leading - for descending.");

        group.MapGet("/suppliers/export", async (string? format, string? kind, string? tier, string? status, bool? due, string? sort, ExportSupplierRegisterHandler handler, CancellationToken ct) =>
            {
                var file = await handler.FileAsync(format ?? "csv", new SupplierFilter(kind, tier, status, due ?? false), SortOrder.Parse(sort, ListSuppliersHandler.SortKeys.Keys.ToArray(), ListSuppliersHandler.DefaultSort), ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("The register as a table, format=csv (the default) or xlsx, with the register's filters (kind, tier, status, due=true) and sort.");

        group.MapPost("/suppliers", async (Guid orgId, SupplierInput input, SaveSupplierHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var supplier = await handler.CreateAsync(input, ct);
                response.Headers.ETag = EndpointConventions.ETag(supplier.Version);
                return TypedResults.Created($"/api/orgs/{orgId}/suppliers/{supplier.Id}", supplier);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Record a supplier: name, services, kind, tier, data processed, status, contacts, certifications, contracts with their clauses, offboarding checklist and links (AI systems with the supplier's ISO/IEC 22989 role, risks, controls, evidence, sub-processors). The key SUP-n is assigned.");

        group.MapGet("/suppliers/{supplierId:guid}", async (Guid supplierId, GetSupplierHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var supplier = await handler.HandleAsync(supplierId, ct);
                response.Headers.ETag = EndpointConventions.ETag(supplier.Version);
                return Results.Ok(supplier);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("One supplier with its links and standing.");

        group.MapPut("/suppliers/{supplierId:guid}", (Guid supplierId, SupplierInput input, SaveSupplierHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.UpdateAsync(supplierId, version, input, ct), s => s.Version))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Replace a supplier (If-Match with its ETag); its reviews stay. Ending it needs the offboarding checklist done.");

        group.MapDelete("/suppliers/{supplierId:guid}", async (Guid supplierId, DeleteSupplierHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(supplierId, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.Delete)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Delete a supplier entered by mistake; refused while another supplier names it as a sub-processor.");

        group.MapPost("/suppliers/delete", async (DeleteSuppliersInput input, DeleteSuppliersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(new { deleted = await handler.HandleAsync(input, ct) }))
            .RequirePermission(Permission.Delete)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary($"Delete several suppliers entered by mistake ({{\"supplierIds\": [\"…\"]}}, at most {DeleteSuppliersHandler.MaxSuppliers}): all or none; one named as a sub-processor by a supplier that stays, or one with questionnaires, refuses the whole step.");

        group.MapPost("/suppliers/{supplierId:guid}/reviews", async (Guid orgId, Guid supplierId, SupplierReviewInput input, RecordSupplierReviewHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var supplier = await handler.HandleAsync(supplierId, input, ct);
                response.Headers.ETag = EndpointConventions.ETag(supplier.Version);
                return Results.Created($"/api/orgs/{orgId}/suppliers/{supplierId}", supplier);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Record a review of the supplier (date, reviewer, outcome satisfactory|conditional|unsatisfactory, notes); the next review falls due after the tier's cadence.");

        group.MapGet("/suppliers/{supplierId:guid}/history", async (Guid supplierId, GetSupplierHistoryHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(supplierId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The supplier's audit-trail events, newest first.");

        group.MapGet("/supplier-tiers", async (GetSupplierTiersHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var tiers = await handler.HandleAsync(ct);
                response.Headers.ETag = EndpointConventions.ETag(tiers.Version);
                return TypedResults.Ok(tiers);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("The organization's criticality tiers (key, name, criteria, review cadence in months); the defaults have version 0.");

        group.MapPut("/supplier-tiers", (IReadOnlyList<SupplierTierInput> input, SaveSupplierTiersHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.HandleAsync(version, input, ct), t => t.Version))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Replace the criticality tiers (If-Match with their ETag, \"0\" for the defaults); a tier still used by a supplier cannot be removed.");
    }
}
