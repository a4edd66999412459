using Harmonia.App.Content;
using Harmonia.Domain.Mapping;
using YamlDotNet.RepresentationModel;

namespace Harmonia.App.Features.Catalogs;

/// <summary>
/// Reads a GRC library file in the open library format of CISO Assistant: library fields (<c>urn</c>, <c>ref_id</c>,
/// <c>name</c>, <c>provider</c>, <c>packager</c>, <c>copyright</c>, ...), a framework of requirement nodes linked by
/// <c>parent_urn</c> with an <c>assessable</c> flag, and requirement mapping sets between frameworks. Nodes keep their
/// URN, so mappings name them by URN; the importer turns URNs into Harmonia requirement ids. Reference controls and
/// threats are library objects Harmonia has no place for: they are accepted and left aside.
/// </summary>
internal static class GrcLibraryReader
{
    private static readonly string[] LibraryKeys =
    [
        "urn", "locale", "ref_id", "name", "description", "copyright", "version", "publication_date", "provider", "packager",
        "dependencies", "objects", "convert_library_version", "translations", "annotation", "labels",
    ];

    private static readonly string[] ObjectKeys = ["framework", "requirement_mapping_sets", "reference_controls", "threats", "risk_matrix"];

    private static readonly string[] FrameworkKeys =
    [
        "urn", "ref_id", "name", "description", "annotation", "min_score", "max_score", "scores_definition",
        "implementation_groups_definition", "requirement_nodes", "translations", "outcomes_definition",
    ];

    private static readonly string[] NodeKeys =
    [
        "urn", "parent_urn", "ref_id", "name", "description", "annotation", "assessable", "depth", "implementation_groups",
        "reference_controls", "threats", "typical_evidence", "questions", "translations", "order_id", "importance", "weight",
    ];

    private static readonly string[] SetKeys = ["urn", "ref_id", "name", "description", "annotation", "source_framework_urn", "target_framework_urn", "requirement_mappings"];

    private static readonly string[] MappingKeys = ["source_requirement_urn", "target_requirement_urn", "relationship", "strength_of_relationship", "rationale", "annotation"];

    public static ImportedFile? Read(string fileName, string text, List<string> errors)
    {
        var contentErrors = new List<ContentError>();
        var yaml = YamlFile.Parse(fileName, text, contentErrors, FrameworkImportLimits.Yaml);
        var file = yaml.Root is { } root ? Library(yaml, root) : null;
        errors.AddRange(contentErrors.Select(e => e.ToString()));
        return errors.Count == 0 ? file : null;
    }

    private static ImportedFile? Library(YamlFile yaml, YamlMappingNode root)
    {
        yaml.AllowOnly(root, LibraryKeys);
        var urn = yaml.RequiredString(root, "urn", "the library");
        var name = yaml.RequiredString(root, "name", "the library");
        if (YamlFile.Get(root, "objects") is not YamlMappingNode objects)
        {
            yaml.Error(root, "the library has no 'objects' mapping");
            return null;
        }

        yaml.AllowOnly(objects, ObjectKeys);
        var nodes = new List<ImportedNode>();
        string? frameworkUrn = null;
        string? frameworkName = null;
        if (YamlFile.Get(objects, "framework") is { } frameworkNode)
        {
            if (frameworkNode is YamlMappingNode framework)
            {
                yaml.AllowOnly(framework, FrameworkKeys);
                frameworkUrn = yaml.RequiredString(framework, "urn", "the framework");
                frameworkName = yaml.OptionalString(framework, "name");
                ReadNodes(yaml, framework, nodes);
            }
            else
            {
                yaml.Error(frameworkNode, "'framework' must be a mapping of keys to values");
            }
        }

        var mappings = ReadMappingSets(yaml, objects);
        if (urn is null || name is null)
        {
            return null;
        }

        var provenance = string.Join(", ", new[] { ("provider", yaml.OptionalString(root, "provider")), ("packager", yaml.OptionalString(root, "packager")) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1} {p.Item2}"));
        var title = frameworkName ?? name;
        return new ImportedFile(
            null, Clip(title, 200), Clip(yaml.OptionalString(root, "description") ?? title, 500), Clip(yaml.OptionalString(root, "provider") ?? string.Empty, 200),
            FrameworkSourceFormat.Grc, Clip($"{yaml.Name} (library {urn}{(provenance.Length > 0 ? "; " + provenance : string.Empty)})", 500),
            yaml.OptionalString(root, "copyright"), yaml.OptionalString(root, "version"), frameworkUrn, nodes, mappings);
    }

    private static void ReadNodes(YamlFile yaml, YamlMappingNode framework, List<ImportedNode> nodes)
    {
        var byUrn = new Dictionary<string, (string Ref, YamlNode Node, string? Parent)>(StringComparer.Ordinal);
        var refs = new HashSet<string>(StringComparer.Ordinal);
        var read = new List<(string Urn, string? ParentUrn, string Ref, string Title, string Description, bool Assessable, YamlMappingNode Node)>();
        foreach (var item in yaml.Items(framework, "requirement_nodes", required: true))
        {
            if (read.Count >= FrameworkImportLimits.MaxNodes)
            {
                yaml.Error(item, $"the framework has more than {FrameworkImportLimits.MaxNodes:N0} requirement nodes");
                return;
            }

            yaml.AllowOnly(item, NodeKeys);
            var urn = yaml.RequiredString(item, "urn", "a requirement node");
            var assessableText = yaml.RequiredString(item, "assessable", $"requirement node '{urn}'");
            if (urn is null || assessableText is null)
            {
                continue;
            }

            if (assessableText is not ("true" or "false"))
            {
                yaml.Error(YamlFile.Get(item, "assessable")!, $"'assessable' must be true or false, not '{assessableText}'");
                continue;
            }

            var reference = yaml.OptionalString(item, "ref_id") ?? urn[(urn.LastIndexOf(':') + 1)..];
            if (!refs.Add(reference))
            {
                // Headings often repeat a short ref_id under different parents; the URN's last part is unique.
                reference = urn[(urn.LastIndexOf(':') + 1)..];
                if (!refs.Add(reference))
                {
                    yaml.Error(item, $"duplicate requirement node '{reference}' ({urn})");
                    continue;
                }
            }

            if (reference.Length > 100 || urn.Length > 300)
            {
                yaml.Error(item, $"requirement node '{Clip(urn, 60)}': the URN is limited to 300 characters and the ref_id to 100");
                continue;
            }

            var description = yaml.OptionalString(item, "description") ?? string.Empty;
            var title = yaml.OptionalString(item, "name") ?? (description.Length > 0 ? description : reference);
            if (!byUrn.TryAdd(urn, (reference, item, yaml.OptionalString(item, "parent_urn"))))
            {
                yaml.Error(item, $"duplicate requirement node URN '{urn}'");
                continue;
            }

            read.Add((urn, yaml.OptionalString(item, "parent_urn"), reference, Clip(title, 500), Clip(description, 8000), assessableText == "true", item));
        }

        foreach (var node in read)
        {
            string? parent = null;
            if (node.ParentUrn is not null)
            {
                if (!byUrn.TryGetValue(node.ParentUrn, out var found))
                {
                    yaml.Error(YamlFile.Get(node.Node, "parent_urn")!, $"parent_urn '{node.ParentUrn}' names no node of this framework");
                    continue;
                }

                parent = found.Ref;
                if (Depth(node.Urn, byUrn) > FrameworkImportLimits.MaxNodeDepth)
                {
                    yaml.Error(node.Node, $"requirement nodes are nested deeper than {FrameworkImportLimits.MaxNodeDepth} levels (or their parents form a loop)");
                    return;
                }
            }

            nodes.Add(new ImportedNode(node.Ref, node.Urn, parent, node.Title, node.Description, node.Assessable));
        }
    }

    private static int Depth(string urn, Dictionary<string, (string Ref, YamlNode Node, string? Parent)> byUrn)
    {
        var depth = 0;
        for (var current = urn; byUrn.TryGetValue(current, out var node) && node.Parent is { } parent; current = parent)
        {
            if (++depth > FrameworkImportLimits.MaxNodeDepth)
            {
                break;
            }
        }

        return depth;
    }

    private static List<ImportedMapping> ReadMappingSets(YamlFile yaml, YamlMappingNode objects)
    {
        var mappings = new List<ImportedMapping>();
        foreach (var set in yaml.Items(objects, "requirement_mapping_sets", required: false))
        {
            yaml.AllowOnly(set, SetKeys);
            yaml.RequiredString(set, "source_framework_urn", "a requirement mapping set");
            yaml.RequiredString(set, "target_framework_urn", "a requirement mapping set");
            foreach (var item in yaml.Items(set, "requirement_mappings", required: true))
            {
                if (mappings.Count >= FrameworkImportLimits.MaxMappings)
                {
                    yaml.Error(item, $"the library has more than {FrameworkImportLimits.MaxMappings:N0} requirement mappings");
                    return mappings;
                }

                yaml.AllowOnly(item, MappingKeys);
                var source = yaml.RequiredString(item, "source_requirement_urn", "a requirement mapping");
                var target = yaml.RequiredString(item, "target_requirement_urn", "a requirement mapping");
                var relationshipText = yaml.RequiredString(item, "relationship", "a requirement mapping");
                var strength = yaml.OptionalNumber(item, "strength_of_relationship", 0, 10);
                if (relationshipText is null || source is null || target is null)
                {
                    continue;
                }

                if (!RelationshipExtensions.TryParse(relationshipText, out var relationship))
                {
                    yaml.Error(YamlFile.Get(item, "relationship")!, $"unknown relationship '{relationshipText}' (expected equal, superset, subset, intersect or not_related)");
                    continue;
                }

                // The library's scale starts at 0; Harmonia's weakest link is 1. No strength given reads as a middling 5.
                var whole = (int)Math.Round(strength ?? 5);
                var rationale = string.Join(" ", new[] { yaml.OptionalString(item, "rationale"), yaml.OptionalString(item, "annotation") }.Where(t => t is not null));
                mappings.Add(new ImportedMapping(source, target, relationship, Math.Clamp(whole, 1, 10), rationale.Length > 0 ? Clip(rationale, 2000) : "Imported from a GRC library mapping set."));
            }
        }

        return mappings;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
