using Harmonia.App.Common;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Risks;

/// <summary>Removes a risk no record relies on; one an impact assessment names is kept until the assessment no longer does.</summary>
public sealed class DeleteRiskHandler(HarmoniaDbContext db)
{
    public async Task HandleAsync(Guid riskId, CancellationToken cancellationToken = default)
    {
        await RemoveAsync(riskId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stages the removal by the rules above without saving, so several deletions can be saved together.</summary>
    /// <returns>The risk's key.</returns>
    public async Task<string> RemoveAsync(Guid riskId, CancellationToken cancellationToken = default)
    {
        var risk = await db.Risks.SingleOrDefaultAsync(r => r.Id == riskId, cancellationToken);
        if (risk is null)
        {
            throw new NotFoundException("risk");
        }

        var assessments = await ImpactAssessmentReferences.NamingAsync(db, null, risk.Key, cancellationToken);
        if (assessments.Count > 0)
        {
            throw new InvalidInputException($"{string.Join(", ", assessments)} name{(assessments.Count == 1 ? "s" : string.Empty)} risk '{risk.Key}' as tracking an impact: an assessment is a record, so the risk stays (close it with its treatment instead).");
        }

        db.Risks.Remove(risk);
        return risk.Key;
    }
}
