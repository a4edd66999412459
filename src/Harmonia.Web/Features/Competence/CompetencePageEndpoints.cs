using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Competence;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Competence;

/// <summary>Form posts of the competence page (cookie sign-in, antiforgery checked).</summary>
internal static class CompetencePageEndpoints
{
    public static void MapCompetencePageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/competence/roles/add", (Guid orgId, HttpRequest request, SaveCompetenceRoleHandler save, CancellationToken ct) =>
                PageForms.Outcome(Page(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var role = await save.CreateAsync(new RoleInput(FormValues.Text(form, "name"), FormValues.Text(form, "description"), form["requiredCompetences"].Select(v => v ?? string.Empty).ToArray()), ct);
                    return Saved(orgId, $"role {role.Name} defined");
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/competence/people/add", (Guid orgId, HttpRequest request, SavePersonHandler save, CancellationToken ct) =>
                PageForms.Outcome(Page(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var person = await save.CreateAsync(new PersonInput(FormValues.Text(form, "name"), FormValues.Text(form, "email"), form["roles"].Select(v => v ?? string.Empty).ToArray()), ct);
                    return Saved(orgId, $"{person.Name} added");
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/competence/evidence/add", (Guid orgId, HttpRequest request, RecordCompetenceEvidenceHandler record, CancellationToken ct) =>
                PageForms.Outcome(Page(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    if (!Guid.TryParse(FormValues.Text(form, "personId"), out var personId))
                    {
                        throw new App.Common.InvalidInputException("Choose the person the evidence belongs to.");
                    }

                    var input = new CompetenceEvidenceInput(FormValues.Text(form, "kind"), FormValues.Text(form, "competence"), FormValues.Text(form, "title"),
                        FormValues.Date(form, "obtainedOn"), FormValues.Date(form, "expiresOn"), FormValues.Text(form, "reference"));

                    // Another organization's person is not found here, so the answer is a 404 rather than a hint that it exists.
                    var evidence = await record.HandleAsync(personId, input, ct);
                    return Saved(orgId, $"evidence \"{evidence.Title}\" recorded");
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/competence/competences/add", (Guid orgId, HttpRequest request, AddCustomCompetenceHandler add, CancellationToken ct) =>
                PageForms.Outcome(Page(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var competence = await add.HandleAsync(new CustomCompetenceInput(FormValues.Text(form, "key"), FormValues.Text(form, "name"), FormValues.Text(form, "area"), FormValues.Text(form, "description")), ct);
                    return Saved(orgId, $"competence {competence.Name} added to the catalogue");
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
    }

    private static string Page(Guid orgId) => Links.Competence(orgId);

    private static string Saved(Guid orgId, string what) => $"{Page(orgId)}?saved={Uri.EscapeDataString(what)}";
}
