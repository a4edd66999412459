using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>
/// Opens the next version of an AI system's impact assessment as a draft, starting from the latest version's findings
/// so a reassessment reviews what was found before rather than starting blank.
/// </summary>
public sealed class StartImpactAssessmentHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such AI system.</summary>
    public async Task<ImpactAssessmentDto> HandleAsync(Guid aiSystemId, CancellationToken cancellationToken = default)
    {
        var system = await db.AiSystems.AsNoTracking().SingleOrDefaultAsync(a => a.Id == aiSystemId, cancellationToken);
        if (system is null)
        {
            throw new NotFoundException("AI system");
        }

        // The latest version is read and the next written under the organization's write lock, so two reassessments
        // started at the same moment cannot both take the same number (the second now sees the first's draft).
        await using var transaction = await db.BeginOrganizationWriteAsync(cancellationToken);
        var latest = await db.ImpactAssessments.AsNoTracking().Where(a => a.AiSystemId == aiSystemId).OrderByDescending(a => a.Number).FirstOrDefaultAsync(cancellationToken);
        if (latest?.Status == ImpactAssessmentStatuses.Draft)
        {
            throw new InvalidInputException($"Version {latest.Number} of the impact assessment of '{system.Name}' is still a draft: finish or approve it first.");
        }

        var draft = new ImpactAssessmentRecord
        {
            AiSystemId = aiSystemId,
            Number = (latest?.Number ?? 0) + 1,
            Status = ImpactAssessmentStatuses.Draft,
            EntriesJson = latest?.EntriesJson ?? "[]",
            Summary = latest?.Summary,
            ResidualAssessment = latest?.ResidualAssessment,
            CreatedBy = actor.Name,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.ImpactAssessments.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ImpactAssessmentDto.From(draft, system.Key, system.Name);
    }
}
