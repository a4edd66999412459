namespace Harmonia.Domain.Risks;

/// <summary>How many risks sit in each likelihood x impact cell.</summary>
public sealed record HeatMapCell(int Likelihood, int Impact, int Count, RiskLevel Level);

public static class RiskHeatMap
{
    public static IReadOnlyList<HeatMapCell> Cells(RiskMethodology methodology, IEnumerable<(int Likelihood, int Impact)> risks)
    {
        var counts = risks.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        return (from likelihood in Enumerable.Range(1, methodology.Size)
                from impact in Enumerable.Range(1, methodology.Size)
                select new HeatMapCell(likelihood, impact, counts.GetValueOrDefault((likelihood, impact)), methodology.LevelOf(likelihood, impact)))
            .ToArray();
    }
}
