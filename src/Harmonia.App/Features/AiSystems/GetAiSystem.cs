using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

public sealed record AssessmentSummary(int Number, string Status, string? Decision, DateOnly? NextReviewOn, string CreatedBy, string? ApprovedBy, DateTime? ApprovedUtc);

public sealed record LinkedRisk(Guid Id, string Key, string Title, string Treatment);

public sealed record AiSystemDetail(AiSystemDto System, IReadOnlyList<AssessmentSummary> Assessments, IReadOnlyList<LinkedRisk> Risks, IReadOnlyList<AiEvidenceDto> Evidence);

/// <summary>One AI system with its impact assessments, the risks that name it and its latest AI evidence.</summary>
public sealed class GetAiSystemHandler(HarmoniaDbContext db, AiSystemStandings standings)
{
    public async Task<AiSystemDetail> HandleAsync(Guid aiSystemId, CancellationToken cancellationToken = default)
    {
        var system = await db.AiSystems.AsNoTracking().Include(a => a.ControlLinks).SingleOrDefaultAsync(a => a.Id == aiSystemId, cancellationToken);
        if (system is null)
        {
            throw new NotFoundException("AI system");
        }

        var standing = await standings.ForAsync([system], cancellationToken);
        var assessments = await db.ImpactAssessments.AsNoTracking().Where(a => a.AiSystemId == aiSystemId).OrderByDescending(a => a.Number)
            .Select(a => new AssessmentSummary(a.Number, a.Status, a.Decision, a.NextReviewOn, a.CreatedBy, a.ApprovedBy, a.ApprovedUtc))
            .ToListAsync(cancellationToken);
        var risks = await db.Risks.AsNoTracking().Where(r => r.AiSystemLinks.Any(l => l.AiSystemId == aiSystemId))
            .OrderBy(r => r.Key).Take(200).Select(r => new LinkedRisk(r.Id, r.Key, r.Title, r.Treatment)).ToListAsync(cancellationToken);
        var evidence = await db.AiEvidence.AsNoTracking().Where(e => e.AiSystemId == aiSystemId).OrderByDescending(e => e.MeasuredOn).ThenBy(e => e.Metric).Take(100)
            .Include(e => e.ControlLinks).AsSplitQuery().ToListAsync(cancellationToken);
        var (aiSystemKeys, controlKeys) = (await db.AiSystemKeysAsync(cancellationToken), await db.ControlKeysAsync(cancellationToken));
        return new AiSystemDetail(AiSystemDto.From(system, standing[system.Id], controlKeys), assessments, risks, evidence.Select(e => AiEvidenceDto.From(e, aiSystemKeys, controlKeys)).ToArray());
    }
}
