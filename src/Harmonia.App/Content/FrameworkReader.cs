using Harmonia.Domain.AiSystems;
using Harmonia.Domain.Catalogs;
using YamlDotNet.RepresentationModel;

namespace Harmonia.App.Content;

/// <summary>Reads one <c>frameworks/*.yaml</c> file; see docs/content-format.md.</summary>
internal static class FrameworkReader
{
    private static readonly Dictionary<string, GroupKind> GroupKinds = new(StringComparer.Ordinal)
    {
        ["clause"] = GroupKind.Clause,
        ["theme"] = GroupKind.Theme,
        ["objective"] = GroupKind.Objective,
    };

    private static readonly Dictionary<string, RequirementKind> RequirementKinds = new(StringComparer.Ordinal)
    {
        ["clause"] = RequirementKind.Clause,
        ["control"] = RequirementKind.Control,
    };

    public static Framework? Read(YamlFile yaml, YamlMappingNode root)
    {
        yaml.AllowOnly(root, "id", "name", "title", "publisher", "groups", "requirements", "referenceLists");
        var id = yaml.RequiredString(root, "id", "the framework");
        var name = yaml.RequiredString(root, "name", "the framework");
        var title = yaml.OptionalString(root, "title") ?? name;
        var publisher = yaml.OptionalString(root, "publisher") ?? string.Empty;
        if (id is null || name is null)
        {
            return null;
        }

        var groups = ReadGroups(yaml, root);
        var requirements = ReadRequirements(yaml, root, id, groups);
        var lists = ReadReferenceLists(yaml, root);
        return new Framework(id, name, title!, publisher, groups.Values.Select(g => g.Group).ToArray(), requirements, lists);
    }

    private static Dictionary<string, (RequirementGroup Group, YamlNode Node)> ReadGroups(YamlFile yaml, YamlMappingNode root)
    {
        var groups = new Dictionary<string, (RequirementGroup Group, YamlNode Node)>(StringComparer.Ordinal);
        foreach (var item in yaml.Items(root, "groups", required: true))
        {
            yaml.AllowOnly(item, "id", "title", "kind", "parent", "effortDays");
            var id = yaml.RequiredString(item, "id", "a group");
            var title = yaml.RequiredString(item, "title", $"group '{id}'");
            var kind = yaml.Choice(item, "kind", GroupKinds, $"group '{id}'", required: true);
            var effort = yaml.OptionalNumber(item, "effortDays", 0, 100) ?? 0;

            if (id is null || title is null || kind is null)
            {
                continue;
            }

            if (!groups.TryAdd(id, (new RequirementGroup(id, title, kind.Value, yaml.OptionalString(item, "parent"), effort), item)))
            {
                yaml.Error(item, $"duplicate group id '{id}' (first at line {groups[id].Node.Start.Line})");
            }
        }

        foreach (var (group, node) in groups.Values)
        {
            if (group.ParentId is { } parent && (!groups.ContainsKey(parent) || parent == group.Id))
            {
                yaml.Error(node, $"group '{group.Id}' names unknown parent '{parent}'");
            }
        }

        return groups;
    }

    private static Requirement[] ReadRequirements(
        YamlFile yaml, YamlMappingNode root, string frameworkId, Dictionary<string, (RequirementGroup Group, YamlNode Node)> groups)
    {
        var requirements = new List<Requirement>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var item in yaml.Items(root, "requirements", required: true))
        {
            yaml.AllowOnly(item, "ref", "title", "group", "kind", "summary", "evidence", "effortDays", "appliesTo");
            var reference = yaml.RequiredString(item, "ref", "a requirement");
            var what = $"requirement '{reference}'";
            var title = yaml.RequiredString(item, "title", what);
            var groupId = yaml.RequiredString(item, "group", what);
            var kind = yaml.Choice(item, "kind", RequirementKinds, what, required: true);
            var summary = yaml.RequiredString(item, "summary", what);
            var evidence = yaml.RequiredString(item, "evidence", what);
            var effort = yaml.OptionalNumber(item, "effortDays", 0, 100);
            var appliesTo = ReadAppliesTo(yaml, item, what);
            if (groupId is not null && !groups.ContainsKey(groupId))
            {
                yaml.Error(YamlFile.Get(item, "group")!, $"{what} names unknown group '{groupId}'");
            }

            if (reference is not null && !seen.TryAdd(reference, item))
            {
                yaml.Error(item, $"duplicate requirement id '{frameworkId}:{reference}' (first at line {seen[reference].Start.Line})");
                continue;
            }

            if (reference is null || title is null || groupId is null || kind is null || summary is null || evidence is null
                || !groups.TryGetValue(groupId, out var group))
            {
                continue;
            }

            requirements.Add(new Requirement(
                Requirement.QualifiedId(frameworkId, reference), frameworkId, reference, title, groupId, kind.Value,
                summary, evidence, effort ?? group.Group.EffortDays)
            { AppliesTo = appliesTo });
        }

        return requirements.ToArray();
    }

    /// <summary>Whom an obligation binds; every role and class must be one the AI system inventory knows, or the rule could never match.</summary>
    private static ObligationScope? ReadAppliesTo(YamlFile yaml, YamlMappingNode item, string what)
    {
        if (YamlFile.Get(item, "appliesTo") is not { } node)
        {
            return null;
        }

        if (node is not YamlMappingNode scope)
        {
            yaml.Error(node, $"{what}: 'appliesTo' must be a mapping with 'roles', 'classes' and optionally 'when'");
            return null;
        }

        yaml.AllowOnly(scope, "roles", "classes", "when");
        var roles = Tokens(yaml, scope, "roles", AiRoles.EuAiActTokens.ToArray(), "EU AI Act role", what);
        var classes = Tokens(yaml, scope, "classes", EuAiActClasses.Tokens.ToArray(), "EU AI Act class", what);
        return roles is null || classes is null ? null : new ObligationScope(roles, classes, yaml.OptionalString(scope, "when"));
    }

    private static string[]? Tokens(YamlFile yaml, YamlMappingNode scope, string key, string[] known, string kind, string what)
    {
        var values = yaml.Scalars(scope, key);
        if (values.Count == 0)
        {
            yaml.Error(YamlFile.Get(scope, key) ?? scope, $"{what}: 'appliesTo' needs at least one entry in '{key}' ({string.Join(", ", known)})");
            return null;
        }

        var ok = true;
        foreach (var value in values.Where(v => !known.Contains(v.Value, StringComparer.Ordinal)))
        {
            yaml.Error(value, $"{what}: unknown {kind} '{value.Value}' in 'appliesTo'; allowed: {string.Join(", ", known)}");
            ok = false;
        }

        return ok ? values.Select(v => v.Value!).Distinct(StringComparer.Ordinal).ToArray() : null;
    }

    private static ReferenceList[] ReadReferenceLists(YamlFile yaml, YamlMappingNode root)
    {
        var lists = new List<ReferenceList>();
        foreach (var list in yaml.Items(root, "referenceLists", required: false))
        {
            yaml.AllowOnly(list, "id", "title", "items");
            var id = yaml.RequiredString(list, "id", "a reference list");
            var title = yaml.RequiredString(list, "title", $"reference list '{id}'");
            var items = new List<ReferenceItem>();
            foreach (var item in yaml.Items(list, "items", required: true))
            {
                yaml.AllowOnly(item, "ref", "title", "summary");
                var reference = yaml.RequiredString(item, "ref", "a reference item");
                var itemTitle = yaml.RequiredString(item, "title", $"reference item '{reference}'");
                var summary = yaml.OptionalString(item, "summary") ?? string.Empty;
                if (reference is null || itemTitle is null)
                {
                    continue;
                }

                if (items.Any(i => i.Ref == reference))
                {
                    yaml.Error(item, $"duplicate reference item '{reference}' in list '{id}'");
                    continue;
                }

                items.Add(new ReferenceItem(reference, itemTitle, summary));
            }

            if (id is not null && title is not null)
            {
                lists.Add(new ReferenceList(id, title, items));
            }
        }

        return lists.ToArray();
    }
}
