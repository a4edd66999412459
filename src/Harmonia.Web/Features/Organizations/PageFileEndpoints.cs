using Harmonia.App.Content;
using Harmonia.App.Features.Organizations;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Identity;

namespace Harmonia.Web.Features.Organizations;

/// <summary>File uploads and downloads for the browser pages (cookie sign-in, antiforgery on the form post).</summary>
internal static class PageFileEndpoints
{
    private const long MaxImportBytes = OrganizationFileReader.MaxFileBytes;

    public static void MapPageFileEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/import", async (Guid orgId, IFormFile? file, LoadedContent content, ImportOrganizationHandler import, CancellationToken ct) =>
            {
                string Back(string query) => $"{Links.Import(orgId)}?{query}";
                if (file is null || file.Length == 0)
                {
                    return Results.Redirect(Back("error=" + Uri.EscapeDataString("Choose an organization file (YAML) to import.")));
                }

                if (file.Length > MaxImportBytes)
                {
                    return Results.Redirect(Back("error=" + Uri.EscapeDataString("Organization files are limited to 2 MB.")));
                }

                using var reader = new StreamReader(file.OpenReadStream());
                var name = Path.GetFileName(file.FileName);
                try
                {
                    var parsed = OrganizationFileReader.Read(name, await reader.ReadToEndAsync(ct), content.Catalog);
                    var outcome = await import.HandleAsync(new ImportOrganizationRequest(parsed, orgId), ct);
                    return Results.Redirect(Back($"imported={outcome.Changes}"));
                }
                catch (ContentValidationException ex)
                {
                    return Results.Redirect(Back("error=" + Uri.EscapeDataString(ex.Message)));
                }
            })
            .RequirePagePermission(Harmonia.App.Features.Accounts.Permission.Delete)
            .ValidateFormAntiforgery();

        app.MapGet("/orgs/{orgId:guid}/export", async (Guid orgId, LoadOrganizationHandler load, CancellationToken ct) =>
                Results.File(
                    System.Text.Encoding.UTF8.GetBytes(OrganizationFileWriter.Write(await load.HandleAsync(new LoadOrganizationRequest(orgId), ct))),
                    "application/yaml",
                    "organization.yaml"))
            .RequirePagePermission(Harmonia.App.Features.Accounts.Permission.Read);

        app.MapPost("/signout", async (SignInManager<Harmonia.App.Features.Accounts.HarmoniaUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/signin");
        });
    }
}
