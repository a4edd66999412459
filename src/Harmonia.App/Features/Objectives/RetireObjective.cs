using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Objectives;

/// <summary>
/// Retires an objective instead of deleting it: what was aimed at and measured stays on record for audits and
/// reviews, but it leaves the list, the gap credit and the review inputs.
/// </summary>
public sealed class RetireObjectiveHandler(HarmoniaDbContext db, GetObjectiveHandler get, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such objective.</summary>
    public async Task<ObjectiveDto> HandleAsync(Guid objectiveId, CancellationToken cancellationToken = default)
    {
        var objective = await db.Objectives.SingleOrDefaultAsync(o => o.Id == objectiveId, cancellationToken);
        if (objective is null)
        {
            throw new NotFoundException("objective");
        }

        if (objective.RetiredOn is not null)
        {
            throw new InvalidInputException($"Objective {objective.Key} was already retired on {objective.RetiredOn:yyyy-MM-dd}.");
        }

        objective.RetiredOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        objective.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await get.HandleAsync(objective.Id, cancellationToken);
    }
}
