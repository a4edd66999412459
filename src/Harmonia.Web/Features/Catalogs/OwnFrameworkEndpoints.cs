using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Catalogs;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Harmonia.Web.Features.Catalogs;

/// <summary>
/// The organization's catalog (shipped frameworks plus its own, ADR 0036) and the import, mapping and removal of its
/// own frameworks. Importing or removing a framework reconfigures what the gap analysis measures against, like a
/// change to the risk methodology, so it takes the Approve permission (owners and managers), not Edit.
/// </summary>
internal static class OwnFrameworkEndpoints
{
    /// <summary>The form's envelope around the largest framework file (and a profile's catalog) the importer reads.</summary>
    public static readonly RequestSizeLimitAttribute RequestLimit = new(FrameworkImportLimits.MaxBytes + (512 * 1024));

    public static void MapOwnFrameworkEndpoints(this RouteGroupBuilder organization)
    {
        var frameworks = organization.MapGroup("/frameworks").WithTags("Catalogs");

        frameworks.MapGet("/", async (Guid orgId, OrganizationCatalogs catalogs, ListFrameworksHandler list, CancellationToken ct) =>
            {
                var catalog = await catalogs.ForAsync(orgId, ct);
                return TypedResults.Ok(list.Handle(catalog.Catalog).Select(f => new OrganizationFrameworkJson(
                    f.Id, f.Name, f.Title, f.Publisher, f.Clauses + f.Controls, catalog.IsOwn(f.Id),
                    catalog.Own.FirstOrDefault(o => o.FrameworkId == f.Id) is { } own ? new FrameworkProvenanceJson(own.SourceFormat.ToString().ToLowerInvariant(), own.Source, own.Licence, own.Version, own.Sha256, own.ImportedUtc) : null)).ToArray());
            })
            .RequirePermission(Permission.Read)
            .WithSummary("The organization's catalog: the shipped frameworks and its own, with the provenance and licence of each own framework.");

        frameworks.MapGet("/{frameworkId}", async (Guid orgId, string frameworkId, OrganizationCatalogs catalogs, ShowFrameworkHandler show, CancellationToken ct) =>
            {
                var catalog = await catalogs.ForAsync(orgId, ct);
                if (catalog.Catalog.FindFramework(frameworkId) is null)
                {
                    throw new NotFoundException("framework", frameworkId);
                }

                var view = show.Handle(new ShowFrameworkRequest(frameworkId), catalog.Catalog);
                return TypedResults.Ok(new OrganizationFrameworkViewJson(
                    view.Framework.Id, view.Framework.Name, view.Framework.Title, catalog.IsOwn(frameworkId),
                    view.Framework.Requirements.Select(r => new OwnRequirementJson(r.Id, r.Ref, r.Title, r.GroupId, r.Summary)).ToArray()));
            })
            .RequirePermission(Permission.Read)
            .WithSummary("One framework of the organization's catalog with its requirements.");

        frameworks.MapPost("/", async (Guid orgId, HttpRequest request, ImportFrameworkHandler import, CancellationToken ct) =>
            {
                var form = await ReadFormAsync(request, ct);
                var result = await import.HandleAsync(form with { OrganizationId = orgId }, ct);
                return TypedResults.Created($"/api/orgs/{orgId}/frameworks/{result.FrameworkId}", result);
            })
            .RequirePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .WithMetadata(RequestLimit)
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportFrameworkResult>(StatusCodes.Status201Created)
            .WithSummary("Import an own framework and/or mappings (multipart: file; format = oscal, yaml or grc, guessed when left out; "
                + "frameworkId; catalog = the OSCAL catalog a profile imports). The whole file is checked first: any problem is a 400 listing them, "
                + "an id that a shipped or own framework has is a 409, and nothing is stored.");

        frameworks.MapPost("/mappings", async (Guid orgId, AddFrameworkMappingBody body, AddFrameworkMappingHandler add, CancellationToken ct) =>
            {
                await add.HandleAsync(new AddFrameworkMappingRequest(orgId, body.SourceId ?? string.Empty, body.TargetId ?? string.Empty, body.Relationship ?? string.Empty, body.Strength ?? 0, body.Rationale), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Add a mapping from one requirement of the organization's catalog to another, one of them in its own frameworks.");

        frameworks.MapDelete("/{frameworkId}", async (Guid orgId, string frameworkId, RemoveFrameworkHandler remove, CancellationToken ct) =>
            {
                await remove.HandleAsync(new RemoveFrameworkRequest(orgId, frameworkId), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Remove an own framework with its requirements, every mapping from or to it and every result recorded for it.");
    }

    /// <summary>
    /// The form's fields, read here rather than bound as parameters so that the role and tenant checks answer before the
    /// body's type is looked at (a viewer gets 403, not 415).
    /// </summary>
    public static async Task<ImportFrameworkRequest> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["file"] = ["Send the framework as multipart/form-data in a field named 'file'."] });
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["file"] = ["Choose a framework file: OSCAL JSON, Harmonia YAML or a GRC library YAML."] });
        }

        var catalog = form.Files.GetFile("catalog");
        if (file.Length + (catalog?.Length ?? 0) > FrameworkImportLimits.MaxBytes)
        {
            throw new InputTooLargeException("The framework file", FrameworkImportLimits.MaxBytes);
        }

        FrameworkSourceFormat? format = form["format"].ToString() switch
        {
            "" => null,
            "oscal" => FrameworkSourceFormat.Oscal,
            "yaml" => FrameworkSourceFormat.Yaml,
            "grc" => FrameworkSourceFormat.Grc,
            var other => throw new InvalidInputException(new Dictionary<string, string[]> { ["format"] = [$"Unknown format '{other}': choose oscal, yaml or grc."] }),
        };
        var id = form["frameworkId"].ToString();
        return new ImportFrameworkRequest(
            Guid.Empty, Path.GetFileName(file.FileName), await TextAsync(file, cancellationToken), format, id.Length > 0 ? id : null,
            catalog is { Length: > 0 } ? Path.GetFileName(catalog.FileName) : null, catalog is { Length: > 0 } ? await TextAsync(catalog, cancellationToken) : null);
    }

    private static async Task<string> TextAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        return await reader.ReadToEndAsync(cancellationToken);
    }
}

internal sealed record AddFrameworkMappingBody(string? SourceId, string? TargetId, string? Relationship, int? Strength, string? Rationale);

internal sealed record FrameworkProvenanceJson(string Format, string Source, string? Licence, string? Version, string Sha256, DateTime ImportedUtc);

internal sealed record OrganizationFrameworkJson(string Id, string Name, string Title, string Publisher, int Requirements, bool Own, FrameworkProvenanceJson? Provenance);

internal sealed record OwnRequirementJson(string Id, string Ref, string Title, string Group, string Summary);

internal sealed record OrganizationFrameworkViewJson(string Id, string Name, string Title, bool Own, IReadOnlyList<OwnRequirementJson> Requirements);
