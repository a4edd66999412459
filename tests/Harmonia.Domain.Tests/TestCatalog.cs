using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;

namespace Harmonia.Domain.Tests;

/// <summary>Builds small catalogs for engine tests: frameworks "a", "h" (a shared layer) and "b".</summary>
internal sealed class TestCatalog
{
    private readonly Dictionary<string, List<string>> _refs = new(StringComparer.Ordinal);
    private readonly List<RequirementMapping> _mappings = [];
    private readonly List<NoEquivalent> _noEquivalents = [];

    public TestCatalog Requirements(string frameworkId, params string[] refs)
    {
        if (!_refs.TryGetValue(frameworkId, out var list))
        {
            list = [];
            _refs.Add(frameworkId, list);
        }

        list.AddRange(refs);
        return this;
    }

    public TestCatalog Map(string sourceId, string targetId, Relationship relationship, int strength = 8)
    {
        _mappings.Add(new RequirementMapping(sourceId, targetId, relationship, strength, $"{sourceId} {relationship} {targetId}"));
        return this;
    }

    public TestCatalog NoEquivalent(string targetId, string sourceFrameworkId, string reason)
    {
        _noEquivalents.Add(new NoEquivalent(targetId, sourceFrameworkId, reason));
        return this;
    }

    public Catalog Build() => new(
        _refs.Select(f => new Framework(
            f.Key,
            f.Key.ToUpperInvariant(),
            "Test framework " + f.Key,
            "Test",
            [new RequirementGroup("1", "Group one", GroupKind.Clause, null, 1), new RequirementGroup("A", "Controls", GroupKind.Theme, null, 1)],
            f.Value.Select(r => new Requirement(
                Requirement.QualifiedId(f.Key, r), f.Key, r, "Title " + r, r.StartsWith('A') ? "A" : "1",
                r.StartsWith('A') ? RequirementKind.Control : RequirementKind.Clause, "Summary " + r, "Evidence " + r, 2)).ToArray(),
            [])),
        _mappings,
        _noEquivalents);

    public static OrganizationControl Control(string id, ControlStatus status, params string[] satisfies) =>
        new(id, "Control " + id, "Owner", status, satisfies, [new EvidenceReference("Record " + id, new DateOnly(2026, 5, 1))]);

    public static OrganizationState State(params OrganizationControl[] controls) =>
        new("Test org", 240, 1.0, controls, []);

    public static OrganizationState State(IReadOnlyList<OrganizationControl> controls, params DirectResult[] results) =>
        new("Test org", 240, 1.0, controls, results);
}
