using Harmonia.Domain.Risks;

namespace Harmonia.Domain.Tests.Risks;

public sealed class RiskMethodologyTests
{
    [Fact]
    public void The_default_is_a_valid_5_by_5_with_four_levels()
    {
        var methodology = RiskMethodology.Default;

        Assert.Empty(methodology.Problems());
        Assert.Equal("Low", methodology.LevelOf(2, 2).Name);
        Assert.Equal("Medium", methodology.LevelOf(3, 3).Name);
        Assert.Equal("High", methodology.LevelOf(4, 4).Name);
        Assert.Equal("Critical", methodology.LevelOf(5, 4).Name);
        Assert.True(methodology.OwnerMayAcceptLevel(methodology.LevelOf(3, 3)));
        Assert.False(methodology.OwnerMayAcceptLevel(methodology.LevelOf(4, 4)));
    }

    [Fact]
    public void Gaps_overlaps_unknown_acceptance_and_uneven_scales_are_problems()
    {
        var gap = RiskMethodology.Default with { Levels = [new("Low", 1, 4, "#0f0"), new("High", 6, 25, "#f00")] };
        var overlap = RiskMethodology.Default with { Levels = [new("Low", 1, 10, "#0f0"), new("High", 9, 25, "#f00")] };
        var uneven = RiskMethodology.Default with { Impact = RiskMethodology.Default.Impact.Take(4).ToArray() };

        Assert.Contains(gap.Problems(), p => p.Contains("every score from 1 to 25 exactly once", StringComparison.Ordinal));
        Assert.Contains(overlap.Problems(), p => p.Contains("exactly once", StringComparison.Ordinal));
        Assert.Contains((RiskMethodology.Default with { OwnerMayAccept = "Moderate" }).Problems(), p => p.Contains("'Moderate'", StringComparison.Ordinal));
        Assert.Contains(uneven.Problems(), p => p.Contains("same number of levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_and_colours_that_could_carry_markup_or_break_a_page_are_problems()
    {
        RiskLevel[] levels = [new("Low", 1, 4, "red\"><script>alert(1)</script>"), new("Medium", 5, 9, "#f9a825"), new("High", 10, 16, "#ef6c00"), new("Critical", 17, 25, "#c62828")];
        Assert.Contains((RiskMethodology.Default with { Levels = levels }).Problems(), p => p.Contains("#rrggbb", StringComparison.Ordinal));

        var multiline = RiskMethodology.Default with { Likelihood = [RiskMethodology.Default.Likelihood[0] with { Name = "Rare\n<meta http-equiv=refresh>" }, .. RiskMethodology.Default.Likelihood.Skip(1)] };
        Assert.Contains(multiline.Problems(), p => p.Contains("1 to 40 characters", StringComparison.Ordinal));

        var twice = RiskMethodology.Default with { Levels = [.. RiskMethodology.Default.Levels.Take(3), RiskMethodology.Default.Levels[3] with { Name = "high" }], OwnerMayAccept = "Medium" };
        Assert.Contains(twice.Problems(), p => p.Contains("must differ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_heat_map_counts_each_cell_with_its_level()
    {
        var cells = RiskHeatMap.Cells(RiskMethodology.Default, [(4, 4), (4, 4), (1, 2)]);

        Assert.Equal(25, cells.Count);
        Assert.Equal((2, "High"), cells.Where(c => c.Likelihood == 4 && c.Impact == 4).Select(c => (c.Count, c.Level.Name)).Single());
        Assert.Equal(3, cells.Sum(c => c.Count));
    }
}
