using System.Globalization;
using System.Text.Json.Nodes;
using Harmonia.App.Content;
using Harmonia.App.Features.Catalogs;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Mapping;

namespace Harmonia.App.Features.Interop;

/// <summary>
/// The crosswalk between two frameworks as an OSCAL 1.2 mapping-collection: one map per link with the relationship in
/// the set-theory terms of NIST IR 8477 (read "source is ... of target"), our strength (1–10) as the confidence
/// percentage and as a property, the reasons in our words as remarks, chains through the shared clause layer named,
/// and the target requirements nothing reaches listed as the target gap with the reason.
/// </summary>
public sealed class ExportOscalMappingHandler(ShowCrosswalkHandler crosswalk, LoadedContent content, TimeProvider time)
{
    public JsonObject Handle(string fromFrameworkId, string toFrameworkId)
    {
        var view = crosswalk.Handle(new ShowCrosswalkRequest(fromFrameworkId, toFrameworkId));
        var catalog = content.Catalog;
        var maps = new JsonArray();
        foreach (var row in view.Rows)
        {
            foreach (var link in row.Links)
            {
                var source = catalog.GetRequirement(link.SourceId);
                var map = new JsonObject
                {
                    ["uuid"] = OscalIds.Uuid("map:" + string.Join(">", link.Hops.Select(h => h.FromId).Append(link.TargetId))),
                    ["relationship"] = Relationship(link.Relationship),
                    ["sources"] = new JsonArray(Item(source)),
                    ["targets"] = new JsonArray(Item(row.Target)),
                    ["confidence-score"] = new JsonObject { ["percentage"] = link.Strength / 10m },
                    ["props"] = Props(link),
                    ["remarks"] = string.Join(" Then: ", link.Hops.Select(h => h.Rationale)),
                };
                maps.Add(map);
            }
        }

        var unmapped = view.Rows.Where(r => r.Links.Count == 0).Select(r => (JsonNode)OscalIds.Control(r.Target)).ToArray();
        var mapping = new JsonObject
        {
            ["uuid"] = OscalIds.Uuid($"mapping:{view.From.Id}>{view.To.Id}"),
            ["method"] = "human",
            ["matching-rationale"] = "semantic",
            ["status"] = "complete",
            ["source-resource"] = Resource(view.From),
            ["target-resource"] = Resource(view.To),
            ["maps"] = maps,
        };
        if (unmapped.Length > 0)
        {
            var reasons = view.Rows.Where(r => r.Links.Count == 0 && r.NoEquivalents.Count > 0)
                .Select(r => $"{r.Target.Ref}: {string.Join(" ", r.NoEquivalents.Select(n => n.Reason))}").ToArray();
            if (reasons.Length > 0)
            {
                mapping["remarks"] = $"Why nothing in {view.From.Name} covers some requirements of {view.To.Name}:\n\n" + string.Join("\n", reasons.Select(r => "- " + r));
            }

            mapping["target-gap-summary"] = new JsonObject
            {
                ["uuid"] = OscalIds.Uuid($"gap:{view.From.Id}>{view.To.Id}"),
                ["unmapped-controls"] = new JsonArray(new JsonObject { ["with-ids"] = new JsonArray(unmapped) }),
            };
        }

        var document = new JsonObject
        {
            ["uuid"] = OscalIds.Uuid($"mapping-collection:{view.From.Id}>{view.To.Id}"),
            ["metadata"] = OscalDocument.Metadata(
                $"Crosswalk from {view.From.Name} to {view.To.Name}", time, content.Version,
                "Curated by Harmonia: every link has a relationship, a strength from 1 to 10 and the reason in Harmonia's words; " +
                "links through the shared Harmonized Structure clauses are composed (weakest strength, composed relationship). " +
                (view.Attributions.Count > 0 ? "Sources: " + string.Join("; ", view.Attributions) : string.Empty)),
            ["provenance"] = new JsonObject
            {
                ["method"] = "human",
                ["matching-rationale"] = "semantic",
                ["status"] = "complete",
                ["mapping-description"] = $"How each requirement of {view.To.Name} is met by requirements of {view.From.Name}, for reusing evidence and planning an integrated audit.",
            },
            ["mappings"] = new JsonArray(mapping),
        };
        return new JsonObject { ["mapping-collection"] = document };
    }

    /// <summary>NIST IR 8477 set-theory relationships, the vocabulary OSCAL's mapping model uses.</summary>
    public static string Relationship(Relationship relationship) => relationship switch
    {
        Domain.Mapping.Relationship.Equal => "equal-to",
        Domain.Mapping.Relationship.Superset => "superset-of",
        Domain.Mapping.Relationship.Subset => "subset-of",
        Domain.Mapping.Relationship.Intersect => "intersects-with",
        _ => "no-relationship",
    };

    private static JsonObject Item(Requirement requirement) => new()
    {
        ["type"] = "control",
        ["id-ref"] = OscalIds.Control(requirement),
        ["props"] = new JsonArray(OscalDocument.OwnProp("requirement-id", requirement.Id)),
    };

    private static JsonArray Props(CrosswalkLink link)
    {
        var props = new JsonArray(OscalDocument.OwnProp("strength", link.Strength.ToString(CultureInfo.InvariantCulture)));
        foreach (var via in link.Hops.Skip(1).Select(h => h.FromId))
        {
            props.Add(OscalDocument.OwnProp("via", via));
        }

        return props;
    }

    private static JsonObject Resource(Framework framework) => new()
    {
        ["type"] = "catalog",
        ["href"] = $"harmonia-{framework.Id}-catalog.json",
        ["props"] = new JsonArray(OscalDocument.OwnProp("framework", framework.Id)),
    };
}
