using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Mapping;
using YamlDotNet.RepresentationModel;

namespace Harmonia.App.Content;

/// <summary>How a mapping file says one target requirement is covered (docs/content-format.md, "coverage").</summary>
internal sealed record CoverageEntry(YamlFile File, YamlNode Node, string TargetId, string? Via, bool Mapped, string? NoEquivalentReason);

/// <summary>Reads one <c>mappings/*.yaml</c> file against the frameworks already loaded.</summary>
internal sealed class MappingFileReader(YamlFile yaml, IReadOnlyDictionary<string, Framework> frameworks)
{
    public MappingSet? Read(List<CoverageEntry> coverage)
    {
        var root = yaml.Root!;
        yaml.AllowOnly(root, "source", "target", "attribution", "mappings", "coverage");
        var source = Framework(root, "source");
        var target = Framework(root, "target");
        if (source is null || target is null)
        {
            return null;
        }

        var mappings = new List<RequirementMapping>();
        var seen = new Dictionary<(string, string), YamlNode>();
        foreach (var item in yaml.Items(root, "mappings", required: true))
        {
            yaml.AllowOnly(item, "source", "target", "relationship", "strength", "rationale");
            var sourceId = Reference(item, "source", source);
            var targetId = Reference(item, "target", target);
            var relationshipText = yaml.RequiredString(item, "relationship", "a mapping");
            var strength = yaml.OptionalNumber(item, "strength", 1, 10);
            var rationale = yaml.RequiredString(item, "rationale", "a mapping");
            Relationship relationship = default;
            var knownRelationship = relationshipText is not null && RelationshipExtensions.TryParse(relationshipText, out relationship);
            if (relationshipText is not null && !knownRelationship)
            {
                yaml.Error(YamlFile.Get(item, "relationship")!, $"unknown relationship '{relationshipText}' (expected equal, superset, subset, intersect or not_related)");
            }

            if (YamlFile.Get(item, "strength") is null)
            {
                yaml.Error(item, "a mapping needs a whole-number 'strength' from 1 to 10");
            }
            else if (strength is { } whole && whole % 1 != 0)
            {
                yaml.Error(YamlFile.Get(item, "strength")!, "'strength' must be a whole number");
            }

            if (sourceId is null || targetId is null || !knownRelationship || strength is null || rationale is null)
            {
                continue;
            }

            if (!seen.TryAdd((sourceId, targetId), item))
            {
                yaml.Error(item, $"duplicate mapping {sourceId} -> {targetId} (first at line {seen[(sourceId, targetId)].Start.Line})");
                continue;
            }

            mappings.Add(new RequirementMapping(sourceId, targetId, relationship, (int)strength.Value, rationale));
        }

        ReadCoverage(root, target, coverage);
        return new MappingSet(yaml.Name, source.Id, target.Id, yaml.OptionalString(root, "attribution"), mappings);
    }

    private void ReadCoverage(YamlMappingNode root, Framework target, List<CoverageEntry> coverage)
    {
        var coverageNode = YamlFile.Get(root, "coverage");
        if (coverageNode is null)
        {
            return;
        }

        var named = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var item in yaml.Items(root, "coverage", required: false))
        {
            yaml.AllowOnly(item, "target", "via", "mapped", "noEquivalent");
            var targetId = Reference(item, "target", target);
            var via = yaml.OptionalString(item, "via");
            var mapped = yaml.OptionalString(item, "mapped");
            var reason = yaml.OptionalString(item, "noEquivalent");
            if (mapped is not (null or "true"))
            {
                yaml.Error(YamlFile.Get(item, "mapped")!, "'mapped' can only be true");
            }

            if ((via is null ? 0 : 1) + (mapped is null ? 0 : 1) + (reason is null ? 0 : 1) != 1)
            {
                yaml.Error(item, "a coverage entry needs exactly one of 'via', 'mapped: true' or 'noEquivalent'");
                continue;
            }

            if (via is not null && !frameworks.ContainsKey(via))
            {
                yaml.Error(YamlFile.Get(item, "via")!, $"unknown framework '{via}'");
                continue;
            }

            if (targetId is null)
            {
                continue;
            }

            if (!named.TryAdd(targetId, item))
            {
                yaml.Error(item, $"duplicate coverage entry for {targetId} (first at line {named[targetId].Start.Line})");
                continue;
            }

            coverage.Add(new CoverageEntry(yaml, item, targetId, via, mapped is not null, reason));
        }

        var missing = target.Requirements.Where(r => !named.ContainsKey(r.Id)).Select(r => r.Ref).ToArray();
        if (missing.Length > 0)
        {
            yaml.Error(coverageNode, $"coverage must name every {target.Id} requirement; missing: {string.Join(", ", missing)}");
        }
    }

    private Framework? Framework(YamlMappingNode root, string key)
    {
        var id = yaml.RequiredString(root, key, "the mapping file");
        if (id is null)
        {
            return null;
        }

        if (frameworks.TryGetValue(id, out var framework))
        {
            return framework;
        }

        yaml.Error(YamlFile.Get(root, key)!, $"unknown framework '{id}'");
        return null;
    }

    private string? Reference(YamlMappingNode item, string key, Framework framework)
    {
        var reference = yaml.RequiredString(item, key, "an entry");
        if (reference is null)
        {
            return null;
        }

        var id = Requirement.QualifiedId(framework.Id, reference);
        if (framework.Requirements.Any(r => r.Id == id))
        {
            return id;
        }

        yaml.Error(YamlFile.Get(item, key)!, $"dangling id: {framework.Id} has no requirement '{reference}'");
        return null;
    }
}
