using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Objectives;

/// <summary>The objectives with their measurements and where each stands today; retired ones only on request.</summary>
public sealed class ListObjectivesHandler(HarmoniaDbContext db, TimeProvider time)
{
    public async Task<Page<ObjectiveDto>> HandleAsync(PageRequest page, bool includeRetired = false, CancellationToken cancellationToken = default)
    {
        var query = db.Objectives.AsNoTracking().Where(o => includeRetired || o.RetiredOn == null);
        var total = await query.CountAsync(cancellationToken);

        // Keys sort as numbers (O-2 before O-10); the key's length does that without parsing it in the database.
        var items = await query.OrderBy(o => o.Key.Length).ThenBy(o => o.Key).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<ObjectiveDto>(await WithMeasurementsAsync(db, items, time, cancellationToken), page.PageNumber, page.PageSize, total);
    }

    /// <summary>Every current objective, for the gap credit and the management review.</summary>
    public async Task<IReadOnlyList<ObjectiveDto>> ActiveAsync(CancellationToken cancellationToken = default)
    {
        var items = await db.Objectives.AsNoTracking().Where(o => o.RetiredOn == null).OrderBy(o => o.Key.Length).ThenBy(o => o.Key).ToListAsync(cancellationToken);
        return await WithMeasurementsAsync(db, items, time, cancellationToken);
    }

    internal static async Task<IReadOnlyList<ObjectiveDto>> WithMeasurementsAsync(HarmoniaDbContext db, List<ObjectiveRecord> objectives, TimeProvider time, CancellationToken cancellationToken)
    {
        var ids = objectives.Select(o => o.Id).ToArray();
        var measurements = (await db.ObjectiveMeasurements.AsNoTracking().Where(m => ids.Contains(m.ObjectiveId)).ToListAsync(cancellationToken))
            .ToLookup(m => m.ObjectiveId);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return objectives.Select(o => ObjectiveDto.From(o, measurements[o.Id], today)).ToArray();
    }
}

public sealed class GetObjectiveHandler(HarmoniaDbContext db, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such objective.</summary>
    public async Task<ObjectiveDto> HandleAsync(Guid objectiveId, CancellationToken cancellationToken = default)
    {
        var objective = await db.Objectives.AsNoTracking().SingleOrDefaultAsync(o => o.Id == objectiveId, cancellationToken);
        return objective is null ? throw new NotFoundException("objective") : (await ListObjectivesHandler.WithMeasurementsAsync(db, [objective], time, cancellationToken))[0];
    }
}
