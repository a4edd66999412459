using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>Closes an open concern with what was done about it; a closed concern stays on record.</summary>
public sealed class CloseAiConcernHandler(HarmoniaDbContext db, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such concern.</summary>
    public async Task<AiConcernDto> HandleAsync(Guid concernId, AiConcernClosure input, CancellationToken cancellationToken = default)
    {
        var concern = await db.AiConcerns.SingleOrDefaultAsync(c => c.Id == concernId, cancellationToken);
        if (concern is null)
        {
            throw new NotFoundException("concern");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var closedOn = input.ClosedOn ?? today;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (concern.Status == AiConcernValues.Closed)
        {
            errors["status"] = [$"{concern.Key} was already closed on {concern.ClosedOn:yyyy-MM-dd}."];
        }

        if (string.IsNullOrWhiteSpace(input.Resolution) || input.Resolution.Length > 4000)
        {
            errors["resolution"] = ["Say how it was dealt with (1 to 4000 characters)."];
        }

        if (closedOn > today || closedOn < concern.ReportedOn)
        {
            errors["closedOn"] = [$"The closing date lies between the report ({concern.ReportedOn:yyyy-MM-dd}) and today."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        (concern.Status, concern.Resolution, concern.ClosedOn) = (AiConcernValues.Closed, input.Resolution!.Trim(), closedOn);
        concern.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new VersionConflictException(concern.Version, "concern");
        }

        return AiConcernDto.From(concern, await db.AiSystemKeysAsync(cancellationToken));
    }
}
