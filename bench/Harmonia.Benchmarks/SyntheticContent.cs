using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;

namespace Harmonia.Benchmarks;

/// <summary>
/// A seeded, repeatable content set far larger than the shipped one: 10 frameworks of 200 requirements (2,000),
/// 20,000 mappings between them with every relationship kind, and an organization with 5,000 controls.
/// </summary>
internal static class SyntheticContent
{
    public const int Frameworks = 10;
    public const int RequirementsPerFramework = 200;
    public const int Mappings = 20_000;
    public const int Controls = 5_000;

    public static (Catalog Catalog, OrganizationState State) Build(int seed = 42)
    {
        var random = new Random(seed);
        var frameworks = Enumerable.Range(0, Frameworks).Select(f =>
        {
            var id = $"fw{f}";
            var groups = Enumerable.Range(0, 10).Select(g => new RequirementGroup($"G{g}", $"Group {g}", GroupKind.Theme, null, 2)).ToArray();
            var requirements = Enumerable.Range(0, RequirementsPerFramework).Select(r => new Requirement(
                $"{id}:R{r}", id, $"R{r}", $"Requirement {r}", $"G{r % 10}",
                r % 4 == 0 ? RequirementKind.Clause : RequirementKind.Control, "Summary.", "Evidence.", 1 + (r % 5))).ToArray();
            return new Framework(id, $"Framework {f}", $"Synthetic framework {f}", "Bench", groups, requirements, []);
        }).ToArray();

        var ids = frameworks.SelectMany(f => f.Requirements).Select(r => r.Id).ToArray();
        var relationships = Enum.GetValues<Relationship>();
        var pairs = new HashSet<(string, string)>();
        var mappings = new List<RequirementMapping>(Mappings);
        while (mappings.Count < Mappings)
        {
            var source = ids[random.Next(ids.Length)];
            var target = ids[random.Next(ids.Length)];
            if (source[..source.IndexOf(':', StringComparison.Ordinal)] == target[..target.IndexOf(':', StringComparison.Ordinal)] || !pairs.Add((source, target)))
            {
                continue;
            }

            mappings.Add(new RequirementMapping(source, target, relationships[random.Next(relationships.Length)], random.Next(1, 11), "Synthetic."));
        }

        var statuses = Enum.GetValues<ControlStatus>();
        var controls = Enumerable.Range(0, Controls).Select(c => new OrganizationControl(
            $"C{c}", $"Control {c}", "Owner", statuses[random.Next(statuses.Length)],
            Enumerable.Range(0, random.Next(1, 4)).Select(_ => ids[random.Next(ids.Length)]).Distinct().ToArray(),
            [new EvidenceReference("Record", new DateOnly(2026, 1, 1))])).ToArray();

        return (new Catalog(frameworks, mappings, []), new OrganizationState("Synthetic org", 500, 2, controls, []));
    }
}
