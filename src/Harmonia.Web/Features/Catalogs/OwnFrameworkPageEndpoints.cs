using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Catalogs;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Catalogs;

/// <summary>Form posts of the frameworks page (cookie sign-in, antiforgery checked): import and remove an own framework.</summary>
internal static class OwnFrameworkPageEndpoints
{
    public static string Frameworks(Guid orgId) => $"/orgs/{orgId}/frameworks";

    public static void MapOwnFrameworkPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/frameworks/import", (Guid orgId, HttpRequest request, ImportFrameworkHandler import, CancellationToken ct) =>
                PageForms.Outcome(Frameworks(orgId), async () =>
                {
                    var form = await OwnFrameworkEndpoints.ReadFormAsync(request, ct);
                    var result = await import.HandleAsync(form with { OrganizationId = orgId }, ct);
                    var what = result.FrameworkId is null
                        ? $"{result.Mappings} mappings imported"
                        : $"{result.Name} imported: {result.Requirements} requirements, {result.Headings} headings, {result.Mappings} mappings";
                    return PageForms.With(result.FrameworkId is { } id ? $"{Frameworks(orgId)}/{id}" : Frameworks(orgId), "saved", what + ".");
                }))
            .RequirePagePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .WithMetadata(OwnFrameworkEndpoints.RequestLimit)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/frameworks/{frameworkId}/remove", (Guid orgId, string frameworkId, HttpRequest request, RemoveFrameworkHandler remove, CancellationToken ct) =>
                PageForms.Outcome($"{Frameworks(orgId)}/{frameworkId}", async () =>
                {
                    await PageForms.RequireConfirmationAsync(request, ct);
                    await remove.HandleAsync(new RemoveFrameworkRequest(orgId, frameworkId), ct);
                    return PageForms.With(Frameworks(orgId), "saved", $"Framework {frameworkId} removed with its requirements, mappings and results; the audit trail keeps what they were.");
                }))
            .RequirePagePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
    }
}
