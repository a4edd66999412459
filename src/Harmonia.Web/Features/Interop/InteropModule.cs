using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Interop;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Interop;

public static class InteropModule
{
    /// <summary>
    /// The organization's OSCAL documents under /api/orgs/{orgId}/oscal (the catalog-wide ones live with the catalogs), and
    /// the register imports from spreadsheets.
    /// </summary>
    public static void MapInterop(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        organization.MapRegisterImportEndpoints();
        app.MapRegisterImportPageEndpoints();
        organization.MapGet("/oscal/{model}", async (Guid orgId, string model, IServiceProvider services, CancellationToken ct) =>
            {
                var document = model switch
                {
                    "component" => await services.GetRequiredService<ExportOscalComponentDefinitionHandler>().HandleAsync(orgId, ct),
                    "assessment-results" => await services.GetRequiredService<ExportOscalAssessmentResultsHandler>().HandleAsync(orgId, ct),
                    "poam" => await services.GetRequiredService<ExportOscalPoamHandler>().HandleAsync(orgId, ct),
                    _ => throw new InvalidInputException("model must be component, assessment-results or poam."),
                };
                return Results.Text(OscalDocument.Write(document), "application/json");
            })
            .RequirePermission(Permission.Read)
            .WithTags("OSCAL")
            .WithSummary("The organization as an OSCAL 1.2.2 document: component (controls by requirement), assessment-results (the gap analysis) or poam (open work and nonconformities).");
    }
}
