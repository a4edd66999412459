using Harmonia.Domain.Catalogs;

namespace Harmonia.Domain.Mapping;

/// <summary>How one source requirement reaches one target requirement, directly or through one shared layer.</summary>
public sealed record CrosswalkLink(
    string SourceId,
    string TargetId,
    Relationship Relationship,
    int Strength,
    IReadOnlyList<MappingHop> Hops);

/// <summary>One target requirement with every link into it from the source framework, or the reason there is none.</summary>
public sealed record CrosswalkRow(Requirement Target, IReadOnlyList<CrosswalkLink> Links, IReadOnlyList<NoEquivalent> NoEquivalents);

/// <summary>
/// Composes the crosswalk between two frameworks from the catalog's mappings: direct mappings (in either
/// direction) and two-hop chains through a third framework such as the shared clause layer <c>hs</c>.
/// not_related links are left out; a chain's relationship is composed and its strength is its weakest hop.
/// </summary>
public static class CrosswalkBuilder
{
    public static IReadOnlyList<CrosswalkRow> Build(Catalog catalog, string fromFrameworkId, string toFrameworkId)
    {
        var to = catalog.FindFramework(toFrameworkId) ?? throw new ArgumentException($"Unknown framework '{toFrameworkId}'.", nameof(toFrameworkId));
        _ = catalog.FindFramework(fromFrameworkId) ?? throw new ArgumentException($"Unknown framework '{fromFrameworkId}'.", nameof(fromFrameworkId));

        var into = new Dictionary<string, List<MappingHop>>(StringComparer.Ordinal);
        foreach (var mapping in catalog.Mappings.Where(m => m.Relationship != Relationship.NotRelated))
        {
            Add(into, new MappingHop(mapping.SourceId, mapping.TargetId, mapping.Relationship, mapping.Strength, mapping.Rationale, false));
            Add(into, new MappingHop(mapping.TargetId, mapping.SourceId, mapping.Relationship.Inverse(), mapping.Strength, mapping.Rationale, true));
        }

        var rows = new List<CrosswalkRow>(to.Requirements.Count);
        foreach (var target in to.Requirements)
        {
            var links = new List<CrosswalkLink>();
            foreach (var last in into.GetValueOrDefault(target.Id) ?? [])
            {
                var middle = FrameworkOf(last.FromId);
                if (middle == fromFrameworkId)
                {
                    links.Add(new CrosswalkLink(last.FromId, target.Id, last.Relationship, last.Strength, [last]));
                    continue;
                }

                if (middle == toFrameworkId)
                {
                    continue;
                }

                foreach (var first in into.GetValueOrDefault(last.FromId) ?? [])
                {
                    if (FrameworkOf(first.FromId) == fromFrameworkId)
                    {
                        links.Add(new CrosswalkLink(
                            first.FromId, target.Id, first.Relationship.Compose(last.Relationship),
                            Math.Min(first.Strength, last.Strength), [first, last]));
                    }
                }
            }

            var ordered = links
                .GroupBy(l => (l.SourceId, Via: l.Hops.Count > 1 ? l.Hops[0].ToId : null))
                .Select(g => g.OrderByDescending(l => l.Strength).ThenBy(l => l.Hops[0].Reversed).First())
                .OrderByDescending(l => l.Strength)
                .ThenBy(l => l.SourceId, StringComparer.Ordinal)
                .ToArray();
            rows.Add(new CrosswalkRow(target, ordered, catalog.NoEquivalentsFor(target.Id).Where(n => n.SourceFrameworkId == fromFrameworkId).ToArray()));
        }

        return rows;
    }

    private static string FrameworkOf(string requirementId) => requirementId[..requirementId.IndexOf(':', StringComparison.Ordinal)];

    private static void Add(Dictionary<string, List<MappingHop>> into, MappingHop hop)
    {
        if (!into.TryGetValue(hop.ToId, out var list))
        {
            list = [];
            into.Add(hop.ToId, list);
        }

        list.Add(hop);
    }
}
