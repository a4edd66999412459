using Harmonia.App.Features.Catalogs;

namespace Harmonia.Web.Features.Catalogs;

internal static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        var catalog = api.MapGroup("/catalog").WithTags("Catalogs").RequireAuthorization();

        catalog.MapGet("/frameworks", (ListFrameworksHandler handler) => TypedResults.Ok(handler.Handle()))
            .WithSummary("The loaded frameworks.");

        catalog.MapGet("/frameworks/{frameworkId}", (string frameworkId, string? group, ShowFrameworkHandler handler) =>
            {
                var view = handler.Handle(new ShowFrameworkRequest(frameworkId, group));
                return TypedResults.Ok(new
                {
                    view.Framework.Id,
                    view.Framework.Name,
                    view.Framework.Title,
                    Groups = view.Sections.Select(s => new { s.Group.Id, s.Group.Title, Requirements = s.Requirements.Select(r => new { r.Id, r.Ref, r.Title, r.Summary, r.Evidence, Kind = r.Kind.ToString().ToLowerInvariant() }) }),
                    view.Framework.ReferenceLists,
                });
            })
            .WithSummary("One framework's requirements with our summaries, optionally one group.");

        catalog.MapGet("/crosswalk", (string from, string to, ShowCrosswalkHandler handler) =>
                Results.Text(App.Rendering.CrosswalkJsonWriter.Write(handler.Handle(new ShowCrosswalkRequest(from, to))), "application/json"))
            .WithSummary("How one framework's requirements relate to another's.");

        catalog.MapGet("/oscal/catalogs/{frameworkId}", (string frameworkId, App.Features.Interop.ExportOscalCatalogHandler handler) =>
                Results.Text(App.Features.Interop.OscalDocument.Write(handler.Handle(frameworkId)), "application/json"))
            .WithSummary("A framework as an OSCAL 1.2.2 catalog (numbers, short titles and our summaries; never the standard's text).");

        catalog.MapGet("/oscal/mappings", (string from, string to, App.Features.Interop.ExportOscalMappingHandler handler) =>
                Results.Text(App.Features.Interop.OscalDocument.Write(handler.Handle(from, to)), "application/json"))
            .WithSummary("The crosswalk between two frameworks as an OSCAL 1.2 mapping-collection.");
    }
}
