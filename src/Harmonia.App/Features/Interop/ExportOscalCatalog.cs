using System.Text.Json.Nodes;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.Domain.Catalogs;

namespace Harmonia.App.Features.Interop;

/// <summary>
/// A framework as an OSCAL catalog: groups nested as in the catalog, one control per requirement with its number as
/// label, its official short title, and our own summary and evidence expectation as parts. The standard's text is
/// never included: the parts are named "overview" and "guidance", not "statement", and the metadata says so.
/// </summary>
public sealed class ExportOscalCatalogHandler(LoadedContent content, TimeProvider time)
{
    public JsonObject Handle(string frameworkId)
    {
        var catalog = content.Catalog;
        var framework = catalog.FindFramework(frameworkId) ?? throw InvalidInputException.UnknownFramework(frameworkId, catalog.Frameworks.Select(f => f.Id));
        var byGroup = framework.Requirements.ToLookup(r => r.GroupId, StringComparer.Ordinal);
        var children = framework.Groups.ToLookup(g => g.ParentId ?? string.Empty, StringComparer.Ordinal);

        JsonObject Group(RequirementGroup group)
        {
            var node = new JsonObject
            {
                ["id"] = OscalIds.Group(group),
                ["class"] = group.Kind.ToString().ToLowerInvariant(),
                ["title"] = group.Title,
                ["props"] = new JsonArray(Prop("label", group.Id)),
            };
            var nested = children[group.Id].Select(Group).ToArray();
            if (nested.Length > 0)
            {
                node["groups"] = new JsonArray(nested);
            }

            var controls = byGroup[group.Id].Select(Control).ToArray();
            if (controls.Length > 0)
            {
                node["controls"] = new JsonArray(controls);
            }

            return node;
        }

        JsonObject Control(Requirement requirement)
        {
            var id = OscalIds.Control(requirement);
            var parts = new JsonArray(new JsonObject { ["id"] = id + "_ovw", ["name"] = "overview", ["prose"] = requirement.Summary });
            if (!string.IsNullOrWhiteSpace(requirement.Evidence))
            {
                parts.Add(new JsonObject { ["id"] = id + "_gdn", ["name"] = "guidance", ["title"] = "Evidence an auditor expects", ["prose"] = requirement.Evidence });
            }

            return new JsonObject
            {
                ["id"] = id,
                ["class"] = requirement.Kind.ToString().ToLowerInvariant(),
                ["title"] = requirement.Title,
                ["props"] = new JsonArray(Prop("label", requirement.Ref), OscalDocument.OwnProp("requirement-id", requirement.Id)),
                ["parts"] = parts,
            };
        }

        var document = new JsonObject
        {
            ["uuid"] = OscalIds.Uuid($"catalog:{framework.Id}"),
            ["metadata"] = OscalDocument.Metadata(
                $"{framework.Name}: identifiers, short titles and Harmonia summaries", time, content.Version,
                $"Requirement numbers and short titles of {framework.Title} ({framework.Publisher}) with summaries and evidence expectations written by Harmonia. " +
                "The standard's own text is not included; read it in a licensed copy."),
            ["groups"] = new JsonArray(children[string.Empty].Select(Group).ToArray<JsonNode?>()),
        };
        var loose = framework.Requirements.Where(r => framework.Groups.All(g => g.Id != r.GroupId)).Select(Control).ToArray<JsonNode?>();
        if (loose.Length > 0)
        {
            document["controls"] = new JsonArray(loose);
        }

        return new JsonObject { ["catalog"] = document };
    }

    private static JsonObject Prop(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
