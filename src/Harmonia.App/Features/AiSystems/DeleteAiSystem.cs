using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>Removes an AI system registered by mistake; one with impact assessments is taken out of scope instead, so its history stays.</summary>
public sealed class DeleteAiSystemHandler(HarmoniaDbContext db)
{
    /// <returns>False when the organization has no such AI system.</returns>
    public async Task<bool> HandleAsync(Guid aiSystemId, CancellationToken cancellationToken = default)
    {
        var system = await db.AiSystems.SingleOrDefaultAsync(a => a.Id == aiSystemId, cancellationToken);
        if (system is null)
        {
            return false;
        }

        if (await db.ImpactAssessments.AnyAsync(a => a.AiSystemId == aiSystemId, cancellationToken))
        {
            throw new InvalidInputException($"'{system.Name}' has impact assessments, which are kept: mark it out of scope instead of deleting it.");
        }

        var key = system.Key;
        if (await db.Risks.AnyAsync(r => ("," + r.AiSystems + ",").Contains("," + key + ","), cancellationToken))
        {
            throw new InvalidInputException($"Risks name '{system.Name}': remove it from them first, or mark it out of scope.");
        }

        db.AiSystems.Remove(system);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
