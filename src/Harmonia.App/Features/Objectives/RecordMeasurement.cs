using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Objectives;

/// <summary>Adds a measured value to an objective. Measurements are never edited: a wrong one is corrected by a later one with a note.</summary>
public sealed class RecordMeasurementHandler(HarmoniaDbContext db, GetObjectiveHandler get, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such objective.</summary>
    public async Task<ObjectiveDto> HandleAsync(Guid objectiveId, MeasurementInput input, CancellationToken cancellationToken = default)
    {
        var objective = await db.Objectives.SingleOrDefaultAsync(o => o.Id == objectiveId, cancellationToken);
        if (objective is null)
        {
            throw new NotFoundException("objective");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input.MeasuredOn is not { } on || on > DateOnly.FromDateTime(now))
        {
            errors["measuredOn"] = ["The date of the measurement (YYYY-MM-DD) is required and not in the future."];
        }

        if (input.Value is not { } value || !double.IsFinite(value))
        {
            errors["value"] = ["The measured value (a finite number) is required."];
        }

        if (input.Note is { Length: > 2000 })
        {
            errors["note"] = ["note may have 2000 characters."];
        }

        if (objective.RetiredOn is not null)
        {
            errors["objective"] = [$"Objective {objective.Key} was retired on {objective.RetiredOn:yyyy-MM-dd}; it takes no more measurements."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        db.ObjectiveMeasurements.Add(new ObjectiveMeasurementRecord
        {
            ObjectiveId = objective.Id,
            MeasuredOn = input.MeasuredOn!.Value,
            Value = input.Value!.Value,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            RecordedBy = actor.Name,
            RecordedUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return await get.HandleAsync(objective.Id, cancellationToken);
    }
}
