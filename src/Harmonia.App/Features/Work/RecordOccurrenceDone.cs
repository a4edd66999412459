using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>
/// Records an occurrence done (the review held, the measurement taken), with a note of what shows it. Only a day the
/// rule falls on, and not one in the future: a record says something happened.
/// </summary>
public sealed class RecordOccurrenceDoneHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time, ListRecurringActivitiesHandler list)
{
    public async Task<RecurringActivityDto> HandleAsync(Guid id, DateOnly on, string? note, CancellationToken cancellationToken = default)
    {
        var activity = await db.RecurringActivities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("recurring activity");
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (note is { Length: > 1000 })
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["note"] = ["The note may have 1000 characters."] });
        }

        // Done a little ahead of its day counts (a review held on the 28th for the 1st); a whole period ahead does not.
        var next = RecurrenceSchedule.Next(activity.Rule, activity.StartsOn, today, 1);
        if (on > today && (next.Count == 0 || on != next[0] || on.DayNumber - today.DayNumber > 31))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["on"] = [$"{on:yyyy-MM-dd} is still ahead; record an occurrence done once it has happened (the next one, up to a month early)."] });
        }

        if (!RecurrenceSchedule.Between(activity.Rule, activity.StartsOn, on, on).Contains(on))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["on"] = [$"{activity.Key} does not fall due on {on:yyyy-MM-dd}; pick one of its occurrences."] });
        }

        var completed = RecurringOccurrences.Completed(activity);
        if (completed.All(c => c.On != on))
        {
            completed.Add(new CompletedOccurrence(on, actor.Name, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), time.GetUtcNow().UtcDateTime));
            activity.CompletedJson = RecurringOccurrences.Write(completed);
            activity.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }

        return await list.OneAsync(id, cancellationToken);
    }
}
