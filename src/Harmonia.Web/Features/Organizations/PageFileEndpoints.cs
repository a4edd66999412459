using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Organizations;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Identity;

namespace Harmonia.Web.Features.Organizations;

/// <summary>File uploads and downloads for the browser pages (cookie sign-in, antiforgery on the form post).</summary>
internal static class PageFileEndpoints
{
    public static void MapPageFileEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/import", async (Guid orgId, IFormFile? file, LoadedContent content, InputLimits limits, ImportOrganizationHandler import, CancellationToken ct) =>
            {
                string Back(string query) => $"{Links.Import(orgId)}?{query}";
                if (file is null || file.Length == 0)
                {
                    return Results.Redirect(Back("error=" + Uri.EscapeDataString("Choose an organization file (YAML) to import.")));
                }

                var name = Path.GetFileName(file.FileName);
                try
                {
                    await using var stream = file.OpenReadStream();
                    var text = await BoundedText.ReadAsync(stream, limits.MaxTextBytes, "The organization file", ct);
                    var parsed = OrganizationFileReader.Read(name, text, content.Catalog, limits, ct);
                    var outcome = await import.HandleAsync(new ImportOrganizationRequest(parsed, orgId), ct);
                    return Results.Redirect(Back($"imported={outcome.Changes}"));
                }
                catch (Exception ex) when (ex is ContentValidationException or InputTooLargeException or InvalidInputException)
                {
                    return Results.Redirect(Back("error=" + Uri.EscapeDataString(ex.Message)));
                }
            })
            .RequirePagePermission(Harmonia.App.Features.Accounts.Permission.Delete)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapGet("/orgs/{orgId:guid}/export", async (Guid orgId, LoadOrganizationHandler load, CancellationToken ct) =>
                Results.File(
                    System.Text.Encoding.UTF8.GetBytes(OrganizationFileWriter.Write(await load.HandleAsync(new LoadOrganizationRequest(orgId), ct))),
                    "application/yaml",
                    "organization.yaml"))
            .RequirePagePermission(Harmonia.App.Features.Accounts.Permission.Read);

        app.MapPost("/signout", async (HttpContext http, SignInManager<Harmonia.App.Features.Accounts.HarmoniaUser> signIn, Harmonia.App.Features.Accounts.SecurityLog log) =>
        {
            // A new security stamp ends this session on the server too: a copy of the cookie taken before is refused.
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                log.Add(user.Id, Harmonia.App.Features.Accounts.SecurityEventKinds.SignedOut, address: Harmonia.Web.Features.Accounts.HarmoniaSignInManager.Address(http));
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            // Read before the sign-out: a session begun through a provider is also ended there (ADR 0034).
            var session = http.User;
            await signIn.SignOutAsync();
            return await Harmonia.Web.Features.Accounts.SingleSignOn.SignOutAtProviderAsync(http, session) ?? Results.Redirect(Harmonia.Web.Features.Accounts.SingleSignOn.SignedOutPath);
        }).ValidateFormAntiforgery();
    }
}
