using Harmonia.Domain.Mapping;

namespace Harmonia.Domain.Catalogs;

/// <summary>
/// Everything the engines read: frameworks, the mappings between their requirements and the explicit
/// "no equivalent" statements. Immutable; build it once and share it.
/// </summary>
public sealed class Catalog
{
    private readonly Dictionary<string, Framework> _frameworks;
    private readonly Dictionary<string, Requirement> _requirements;
    private readonly Dictionary<string, RequirementGroup> _groups;
    private readonly Dictionary<string, List<NoEquivalent>> _noEquivalents;

    public Catalog(
        IEnumerable<Framework> frameworks,
        IEnumerable<RequirementMapping> mappings,
        IEnumerable<NoEquivalent> noEquivalents)
    {
        Frameworks = frameworks.ToArray();
        _frameworks = Frameworks.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _requirements = new Dictionary<string, Requirement>(StringComparer.Ordinal);
        _groups = new Dictionary<string, RequirementGroup>(StringComparer.Ordinal);
        foreach (var framework in Frameworks)
        {
            foreach (var group in framework.Groups)
            {
                _groups.Add(GroupKey(framework.Id, group.Id), group);
            }

            foreach (var requirement in framework.Requirements)
            {
                if (!_requirements.TryAdd(requirement.Id, requirement))
                {
                    throw new ArgumentException($"Duplicate requirement id '{requirement.Id}'.", nameof(frameworks));
                }
            }
        }

        Mappings = mappings.ToArray();
        foreach (var mapping in Mappings)
        {
            RequireKnown(mapping.SourceId);
            RequireKnown(mapping.TargetId);
        }

        _noEquivalents = new Dictionary<string, List<NoEquivalent>>(StringComparer.Ordinal);
        foreach (var statement in noEquivalents)
        {
            RequireKnown(statement.TargetId);
            if (!_noEquivalents.TryGetValue(statement.TargetId, out var list))
            {
                list = [];
                _noEquivalents.Add(statement.TargetId, list);
            }

            list.Add(statement);
        }
    }

    public IReadOnlyList<Framework> Frameworks { get; }

    public IReadOnlyList<RequirementMapping> Mappings { get; }

    public IEnumerable<Requirement> Requirements => Frameworks.SelectMany(f => f.Requirements);

    public Framework? FindFramework(string id) => _frameworks.GetValueOrDefault(id);

    public Requirement? FindRequirement(string id) => _requirements.GetValueOrDefault(id);

    public Requirement GetRequirement(string id) =>
        FindRequirement(id) ?? throw new KeyNotFoundException($"Unknown requirement '{id}'.");

    public RequirementGroup GetGroup(string frameworkId, string groupId) =>
        _groups.TryGetValue(GroupKey(frameworkId, groupId), out var group)
            ? group
            : throw new KeyNotFoundException($"Unknown group '{groupId}' in framework '{frameworkId}'.");

    /// <summary>The top-level group a requirement rolls up into (A.6 for a control under A.6.2).</summary>
    public RequirementGroup TopGroupOf(Requirement requirement)
    {
        var group = GetGroup(requirement.FrameworkId, requirement.GroupId);
        while (group.ParentId is not null)
        {
            group = GetGroup(requirement.FrameworkId, group.ParentId);
        }

        return group;
    }

    public IReadOnlyList<NoEquivalent> NoEquivalentsFor(string requirementId) =>
        _noEquivalents.TryGetValue(requirementId, out var list) ? list : [];

    private static string GroupKey(string frameworkId, string groupId) => frameworkId + "|" + groupId;

    private void RequireKnown(string requirementId)
    {
        if (!_requirements.ContainsKey(requirementId))
        {
            throw new ArgumentException($"Mapping refers to unknown requirement '{requirementId}'.");
        }
    }
}
