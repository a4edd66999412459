using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Competence;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Competence;

internal static class CompetenceEndpoints
{
    public static void MapCompetenceEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Competence");

        group.MapGet("/competence", async (GetCompetenceOverviewHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Catalogue, roles, people with their evidence and the gaps, in one answer.");

        group.MapGet("/competence/competences", async (GetCompetenceOverviewHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.CatalogueAsync(ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The competence catalogue: the built-in AI, security and management-system competences and the organization's own.");

        group.MapPost("/competence/competences", async (Guid orgId, CustomCompetenceInput input, AddCustomCompetenceHandler handler, CancellationToken ct) =>
                TypedResults.Created($"/api/orgs/{orgId}/competence/competences", await handler.HandleAsync(input, ct)))
            .RequirePermission(Permission.Edit)
            .WithSummary("Add one of the organization's own competences (key, name, area ai|security|management-system, description).");

        group.MapGet("/competence/roles", async (int? page, int? pageSize, GetCompetenceOverviewHandler handler, CancellationToken ct) =>
                TypedResults.Ok(Paged((await handler.HandleAsync(ct)).Roles, PageRequest.Of(page, pageSize))))
            .RequirePermission(Permission.Read)
            .WithSummary("Roles and the competences each requires, paged.");

        group.MapPost("/competence/roles", async (Guid orgId, RoleInput input, SaveCompetenceRoleHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var role = await handler.CreateAsync(input, ct);
                response.Headers.ETag = EndpointConventions.ETag(role.Version);
                return TypedResults.Created($"/api/orgs/{orgId}/competence/roles/{role.Id}", role);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Define a role (name, description, required competence keys).");

        group.MapPut("/competence/roles/{roleId:guid}", (Guid roleId, RoleInput input, SaveCompetenceRoleHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.UpdateAsync(roleId, version, input, ct), role => role.Version))
            .RequirePermission(Permission.Edit)
            .WithSummary("Replace a role (If-Match); a new name carries over to the people holding it.");

        group.MapGet("/competence/people", async (int? page, int? pageSize, GetCompetenceOverviewHandler handler, CancellationToken ct) =>
                TypedResults.Ok(Paged((await handler.HandleAsync(ct)).People, PageRequest.Of(page, pageSize))))
            .RequirePermission(Permission.Read)
            .WithSummary("People with the roles they hold and their competence evidence, paged.");

        group.MapPost("/competence/people", async (Guid orgId, PersonInput input, SavePersonHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var person = await handler.CreateAsync(input, ct);
                response.Headers.ETag = EndpointConventions.ETag(person.Version);
                return TypedResults.Created($"/api/orgs/{orgId}/competence/people/{person.Id}", person);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Add a person (name, optional e-mail, role names).");

        group.MapPut("/competence/people/{personId:guid}", (Guid personId, PersonInput input, SavePersonHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.UpdateAsync(personId, version, input, ct), person => person.Version))
            .RequirePermission(Permission.Edit)
            .WithSummary("Replace a person's name, e-mail and roles (If-Match); their evidence stays.");

        group.MapPost("/competence/people/{personId:guid}/evidence", async (Guid orgId, Guid personId, CompetenceEvidenceInput input, RecordCompetenceEvidenceHandler handler, CancellationToken ct) =>
                TypedResults.Created($"/api/orgs/{orgId}/competence/people/{personId}", await handler.HandleAsync(personId, input, ct)))
            .RequirePermission(Permission.Edit)
            .WithSummary("Record competence evidence: kind (training, qualification, experience, assessment), competence key, title, obtained, optional expiry and reference.");

        group.MapGet("/competence/gaps", async (GetCompetenceOverviewHandler handler, CancellationToken ct) => TypedResults.Ok((await handler.HandleAsync(ct)).Gaps))
            .RequirePermission(Permission.Read)
            .WithSummary("For each person and each competence their roles require: covered, missing or expired; a summary per role and overall.");
    }

    private static Page<T> Paged<T>(IReadOnlyList<T> all, PageRequest page) =>
        new(all.Skip(page.Skip).Take(page.PageSize).ToArray(), page.PageNumber, page.PageSize, all.Count);
}
