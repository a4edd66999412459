using System.Security.Claims;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.Web.Features.Organizations;

internal static class OrganizationsEndpoints
{

    public static void MapOrganizationsEndpoints(this RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        api.MapGet("/orgs", async (ClaimsPrincipal user, ListMyOrganizationsHandler handler, CancellationToken ct) =>
            {
                var userId = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
                var tokenOrganization = Guid.TryParse(user.FindFirstValue(AccessTokenAuthentication.OrganizationClaim), out var scoped) ? scoped : (Guid?)null;
                var items = await handler.HandleAsync(userId, tokenOrganization, ct);
                return TypedResults.Ok(new Page<MyOrganization>(items, 1, Math.Max(1, items.Count), items.Count));
            })
            .RequireAuthorization()
            .WithTags("Organizations")
            .WithSummary("The organizations the caller may use (a token is scoped to one).");

        organization.MapGet("/", async (Guid orgId, HarmoniaDbContext db, CancellationToken ct) =>
            {
                var found = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
                return TypedResults.Ok(new { found.Id, found.Name, found.Sector, found.Employees, TeamCapacityFte = found.TeamCapacityHundredths / 100.0, found.CreatedUtc });
            })
            .RequirePermission(Permission.Read)
            .WithTags("Organizations")
            .WithSummary("The organization's profile.");

        organization.MapGet("/export", async (Guid orgId, LoadOrganizationHandler load, CancellationToken ct) =>
                Results.Text(OrganizationFileWriter.Write(await load.HandleAsync(new LoadOrganizationRequest(orgId), ct)), "application/yaml; charset=utf-8"))
            .RequirePermission(Permission.Read)
            .WithTags("Organizations")
            .WithSummary("The organization as an organization file (YAML).");

        organization.MapGet("/archive", async (Guid orgId, bool? files, ExportOrganizationArchiveHandler export, CancellationToken ct) =>
            {
                // Spooled to a temporary file, so a failure answers a problem instead of a cut-off download.
                var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"harmonia-archive-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                try
                {
                    await export.HandleAsync(new ExportOrganizationArchiveRequest(orgId, files == true), spool, ct);
                    spool.Position = 0;
                    return Results.File(spool, files == true ? "application/zip" : "application/json", $"organization-{orgId}.{(files == true ? "zip" : "json")}");
                }
                catch
                {
                    await spool.DisposeAsync();
                    throw;
                }
            })
            .RequirePermission(Permission.ManageMembers)
            .WithTags("Organizations")
            .WithSummary("The whole organization as an organization archive (docs/organization-file.md): every record and the audit trail as JSON, or with files=true a zip with the stored files too. Owners only.");

        organization.MapPost("/import", async (Guid orgId, HttpRequest request, LoadedContent content, InputLimits limits, ImportOrganizationHandler import, CancellationToken ct) =>
            {
                var text = await BoundedText.ReadAsync(request.Body, limits.MaxTextBytes, "The organization file", ct);
                var file = OrganizationFileReader.Read("request body", text, content.Catalog, limits, ct);
                var outcome = await import.HandleAsync(new ImportOrganizationRequest(file, orgId), ct);
                return Results.Ok(new { outcome.OrganizationId, outcome.Changes });
            })
            .RequirePermission(Permission.Delete)
            // A file that leaves out a supplier with questionnaires is refused whatever the caller's role.
            .WithMetadata(new StateDependentMetadata())
            .Accepts<string>("application/yaml")
            .WithTags("Organizations")
            .WithSummary("Bring the organization in line with an organization file (YAML body): adds, updates and deletes by key.");
    }
}
