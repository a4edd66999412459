using CsCheck;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;

namespace Harmonia.Domain.Tests.Gaps;

/// <summary>Implementing one more control can only help: no requirement's result may get worse, in any framework.</summary>
public sealed class MonotonicityPropertyTests
{
    private static readonly string[] Ids =
        [.. Enumerable.Range(1, 8).Select(i => $"a:1.{i}"), .. Enumerable.Range(1, 6).Select(i => $"h:1.{i}"), .. Enumerable.Range(1, 8).Select(i => $"b:1.{i}")];

    private static readonly string[] Frameworks = ["a", "h", "b"];

    private static readonly Gen<(int Source, int Target, Relationship Relationship, int Strength)> MappingGen =
        Gen.Select(Gen.Int[0, Ids.Length - 1], Gen.Int[0, Ids.Length - 1], Gen.Enum<Relationship>(), Gen.Int[1, 10]);

    private static readonly Gen<(ControlStatus Status, int[] Satisfies)> ControlGen =
        Gen.Select(Gen.Enum<ControlStatus>(), Gen.Int[0, Ids.Length - 1].Array[1, 4]);

    [Fact]
    public void Marking_one_more_control_implemented_never_lowers_any_result()
    {
        Gen.Select(MappingGen.Array[0, 40], ControlGen.Array[1, 12], Gen.Int[0, 11]).Sample(scenario =>
        {
            var (mappings, controls, pick) = scenario;
            var catalog = BuildCatalog(mappings);
            var before = controls.Select((c, i) => TestCatalog.Control("C" + i, c.Status, c.Satisfies.Select(s => Ids[s]).ToArray())).ToArray();
            var candidates = before.Where(c => c.Status is ControlStatus.Planned or ControlStatus.InProgress).ToArray();
            if (candidates.Length == 0)
            {
                return;
            }

            var flipped = candidates[pick % candidates.Length];
            var after = before.Select(c => c == flipped ? c with { Status = ControlStatus.Implemented } : c).ToArray();
            var analyzer = new GapAnalyzer(new MappingEngine(catalog));
            foreach (var target in Frameworks)
            {
                var old = analyzer.Analyze(TestCatalog.State(before), target).Rows;
                var now = analyzer.Analyze(TestCatalog.State(after), target).Rows;
                for (var i = 0; i < old.Count; i++)
                {
                    if (old[i].Result == RequirementResult.NotApplicable)
                    {
                        continue;
                    }

                    Assert.True(
                        now[i].Result != RequirementResult.NotApplicable && now[i].Result >= old[i].Result,
                        $"{old[i].Requirement.Id} went from {old[i].Result} to {now[i].Result} when {flipped.Id} was implemented");
                }
            }
        }, iter: 400);
    }

    private static Catalog BuildCatalog((int Source, int Target, Relationship Relationship, int Strength)[] mappings)
    {
        var builder = new TestCatalog()
            .Requirements("a", Ids.Where(i => i.StartsWith("a:", StringComparison.Ordinal)).Select(i => i[2..]).ToArray())
            .Requirements("h", Ids.Where(i => i.StartsWith("h:", StringComparison.Ordinal)).Select(i => i[2..]).ToArray())
            .Requirements("b", Ids.Where(i => i.StartsWith("b:", StringComparison.Ordinal)).Select(i => i[2..]).ToArray());
        foreach (var (source, target, relationship, strength) in mappings.DistinctBy(m => (m.Source, m.Target)))
        {
            if (source != target)
            {
                builder.Map(Ids[source], Ids[target], relationship, strength);
            }
        }

        return builder.Build();
    }
}
