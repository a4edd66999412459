using Harmonia.Domain.Mapping;

namespace Harmonia.App.Content;

/// <summary>
/// Checks each coverage statement against all mappings once every file is read: "mapped" needs a mapping in its
/// own file, "via X" needs a real chain source -> X -> target, and "noEquivalent" must not contradict a mapping.
/// </summary>
internal static class CoverageValidator
{
    public static void Validate(IReadOnlyList<CoverageEntry> coverage, IReadOnlyList<MappingSet> sets, List<NoEquivalent> noEquivalents)
    {
        var useful = sets.SelectMany(s => s.Mappings.Select(m => (Set: s, Mapping: m)))
            .Where(x => x.Mapping.Relationship != Relationship.NotRelated)
            .ToArray();
        foreach (var entry in coverage)
        {
            var set = sets.First(s => s.File == entry.File.Name);
            var direct = set.Mappings.Where(m => m.TargetId == entry.TargetId && m.Relationship != Relationship.NotRelated).ToArray();
            if (entry.Mapped && direct.Length == 0)
            {
                entry.File.Error(entry.Node, $"{entry.TargetId} is marked mapped but no mapping in this file reaches it");
            }

            if (entry.NoEquivalentReason is { } reason)
            {
                if (direct.Length > 0)
                {
                    entry.File.Error(entry.Node, $"{entry.TargetId} is marked noEquivalent but {direct[0].SourceId} maps to it");
                }
                else
                {
                    noEquivalents.Add(new NoEquivalent(entry.TargetId, set.SourceFrameworkId, reason));
                }
            }

            if (entry.Via is { } via && !HasChain(useful, set.SourceFrameworkId, via, entry.TargetId))
            {
                entry.File.Error(entry.Node, $"{entry.TargetId} is said to be covered via {via}, but no {set.SourceFrameworkId} -> {via} -> {entry.TargetId} chain of related mappings exists");
            }
        }
    }

    private static bool HasChain((MappingSet Set, RequirementMapping Mapping)[] useful, string sourceFramework, string via, string targetId)
    {
        var prefix = via + ":";
        var intermediates = useful
            .Where(x => x.Mapping.TargetId == targetId && x.Mapping.SourceId.StartsWith(prefix, StringComparison.Ordinal))
            .Select(x => x.Mapping.SourceId)
            .ToHashSet(StringComparer.Ordinal);
        return useful.Any(x =>
            (intermediates.Contains(x.Mapping.TargetId) && x.Set.SourceFrameworkId == sourceFramework)
            || (intermediates.Contains(x.Mapping.SourceId) && x.Set.TargetFrameworkId == sourceFramework));
    }
}
