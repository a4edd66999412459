using Harmonia.Domain.Certification;

namespace Harmonia.Domain.Tests.Certification;

public sealed class AuditSamplingTests
{
    private static SampleCandidate[] Population(int size) =>
        Enumerable.Range(1, size).Select(i => new SampleCandidate($"rec-{i:D4}", $"Access review {i}")).ToArray();

    [Fact]
    public void The_same_seed_over_the_same_population_draws_the_same_sample_whatever_the_order()
    {
        var population = Population(410);
        var shuffled = population.OrderByDescending(c => c.Label, StringComparer.Ordinal).ToArray();

        var first = AuditSampling.Draw(population, 25, 20261204);
        var again = AuditSampling.Draw(shuffled, 25, 20261204);

        Assert.Equal(25, first.Selected.Count);
        Assert.Equal(410, first.PopulationSize);
        Assert.Equal(first.Selected.Select(c => c.Id), again.Selected.Select(c => c.Id));
        Assert.Equal(first.PopulationFingerprint, again.PopulationFingerprint);
        Assert.Equal(25, first.Selected.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Another_seed_draws_another_sample_and_another_population_another_fingerprint()
    {
        var population = Population(410);

        var first = AuditSampling.Draw(population, 25, 1);
        var second = AuditSampling.Draw(population, 25, 2);
        var smaller = AuditSampling.Draw(population.Skip(1).ToArray(), 25, 1);

        Assert.NotEqual(first.Selected.Select(c => c.Id), second.Selected.Select(c => c.Id));
        Assert.NotEqual(first.PopulationFingerprint, smaller.PopulationFingerprint);
    }

    [Fact]
    public void A_known_seed_gives_a_known_sample_so_a_runtime_change_cannot_move_it()
    {
        // Pinned: if the ranking ever changed, stored samples could no longer be redrawn.
        var drawn = AuditSampling.Draw(Population(10), 3, 42);

        Assert.Equal(AuditSampling.Draw(Population(10), 3, 42).Selected, drawn.Selected);
        Assert.Equal(3, drawn.Selected.Count);
        Assert.Equal(PinnedFirst, drawn.Selected[0].Id);
    }

    [Fact]
    public void A_sample_larger_than_the_population_takes_every_record_once()
    {
        var population = Population(4).Concat([new SampleCandidate("rec-0001", "duplicate")]).ToArray();

        var drawn = AuditSampling.Draw(population, 25, 7);

        Assert.Equal(4, drawn.PopulationSize);
        Assert.Equal(4, drawn.Selected.Count);
    }

    private const string PinnedFirst = "rec-0006";
}
