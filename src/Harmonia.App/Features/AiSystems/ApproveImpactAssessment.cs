using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.AiSystems;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>
/// Approves a complete draft: from then on it is immutable, it records the system's facts it was made for (so a
/// significant change makes it due), and the version it replaces is superseded.
/// </summary>
public sealed class ApproveImpactAssessmentHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such AI system or version.</summary>
    public async Task<ImpactAssessmentDto> HandleAsync(Guid aiSystemId, int number, CancellationToken cancellationToken = default)
    {
        var assessment = await db.ImpactAssessments.SingleOrDefaultAsync(a => a.AiSystemId == aiSystemId && a.Number == number, cancellationToken);
        var system = await db.AiSystems.AsNoTracking().SingleOrDefaultAsync(a => a.Id == aiSystemId, cancellationToken);
        if (assessment is null || system is null)
        {
            throw new NotFoundException("impact assessment");
        }

        if (assessment.Status != ImpactAssessmentStatuses.Draft)
        {
            throw new InvalidInputException($"Version {number} is already {assessment.Status}.");
        }

        // Whoever wrote the version is its author: the one who started it and everyone who saved it since, as the
        // audit trail records each save. An author's approval would not be an independent check.
        var id = assessment.Id.ToString("D");
        var writers = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(Harmonia.App.Features.AiSystems.ImpactAssessmentRecord) && e.EntityId == id).Select(e => e.Actor).Distinct().ToListAsync(cancellationToken);
        if (actor.Is(assessment.CreatedBy) || writers.Any(actor.Is))
        {
            throw new InvalidInputException("You wrote this version of the impact assessment; another member with the right to approve must approve it.");
        }

        var entries = ImpactAssessmentJson.Entries(assessment.EntriesJson);
        var missing = new List<string>();
        if (entries.Count == 0)
        {
            missing.Add("at least one impact");
        }

        if (!entries.Any(e => ImpactDimensions.Find(e.Dimension)?.Scope == ImpactScope.Society))
        {
            missing.Add("the societal side (an economic, societal or environmental entry, even one rated low)");
        }

        if (string.IsNullOrWhiteSpace(assessment.Decision))
        {
            missing.Add("a decision");
        }

        if (assessment.NextReviewOn is null)
        {
            missing.Add("the next review date");
        }

        if (missing.Count > 0)
        {
            throw new InvalidInputException("The assessment cannot be approved without " + string.Join(", ", missing) + ".");
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var older in await db.ImpactAssessments.Where(a => a.AiSystemId == aiSystemId && a.Status == ImpactAssessmentStatuses.Approved).ToListAsync(cancellationToken))
        {
            older.Status = ImpactAssessmentStatuses.Superseded;
        }

        (assessment.Status, assessment.ApprovedBy, assessment.ApprovedUtc) = (ImpactAssessmentStatuses.Approved, actor.Name, now);
        assessment.AssessedFactsJson = AiSystemFacts.Serialize(AiSystemFacts.Significant(system));
        assessment.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return ImpactAssessmentDto.From(assessment, system.Key, system.Name);
    }
}
