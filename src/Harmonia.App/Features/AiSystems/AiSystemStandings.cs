using Harmonia.App.Persistence;
using Harmonia.Domain.AiSystems;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>Whether each AI system's impact assessment is current, due or missing: for lists, the gap analysis and readiness.</summary>
public sealed class AiSystemStandings(HarmoniaDbContext db, TimeProvider time)
{
    public async Task<Dictionary<Guid, AssessmentStanding>> ForAsync(IReadOnlyCollection<AiSystemRecord> systems, CancellationToken cancellationToken)
    {
        var ids = systems.Select(s => s.Id).ToArray();
        var approved = await db.ImpactAssessments.AsNoTracking()
            .Where(a => ids.Contains(a.AiSystemId) && a.Status == ImpactAssessmentStatuses.Approved)
            .Select(a => new { a.AiSystemId, a.Number, a.AssessedFactsJson, a.NextReviewOn })
            .ToListAsync(cancellationToken);
        var latest = approved.GroupBy(a => a.AiSystemId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Number)!);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return systems.ToDictionary(
            s => s.Id,
            s => latest.TryGetValue(s.Id, out var a)
                ? AssessmentDue.Evaluate(s.Name, AiSystemFacts.Significant(s), AiSystemFacts.Deserialize(a.AssessedFactsJson), "v" + a.Number, a.NextReviewOn, today)
                : AssessmentDue.Evaluate(s.Name, AiSystemFacts.Significant(s), null, null, null, today));
    }
}

public static class ImpactAssessmentStatuses
{
    public const string Draft = "draft";
    public const string Approved = "approved";
    public const string Superseded = "superseded";
}
