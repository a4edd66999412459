using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>Removes an AI system registered by mistake; one with impact assessments is taken out of scope instead, so its history stays.</summary>
public sealed class DeleteAiSystemHandler(HarmoniaDbContext db)
{
    /// <summary>Throws NotFoundException when the organization has no such AI system.</summary>
    public async Task HandleAsync(Guid aiSystemId, CancellationToken cancellationToken = default)
    {
        await RemoveAsync(aiSystemId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Checks and stages the removal by the rules above without saving (a register import saves it with its other rows).</summary>
    internal async Task RemoveAsync(Guid aiSystemId, CancellationToken cancellationToken)
    {
        var system = await db.AiSystems.SingleOrDefaultAsync(a => a.Id == aiSystemId, cancellationToken);
        if (system is null)
        {
            throw new NotFoundException("AI system");
        }

        if (await db.ImpactAssessments.AnyAsync(a => a.AiSystemId == aiSystemId, cancellationToken))
        {
            throw new InvalidInputException($"'{system.Name}' has impact assessments, which are kept: mark it out of scope instead of deleting it.");
        }

        if (await db.RiskAiSystemLinks.AnyAsync(l => l.AiSystemId == aiSystemId, cancellationToken))
        {
            throw new InvalidInputException($"Risks name '{system.Name}': remove it from them first, or mark it out of scope.");
        }

        if (await db.AiEvidence.AnyAsync(e => e.AiSystemId == aiSystemId, cancellationToken) || await db.AiConcerns.AnyAsync(c => c.AiSystemId == aiSystemId, cancellationToken))
        {
            throw new InvalidInputException($"'{system.Name}' has AI evidence or reported concerns, which are kept: mark it out of scope instead of deleting it.");
        }

        db.AiSystems.Remove(system);
    }
}
