using System.Text.Json;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>
/// Which occurrences of the organization's recurring activities are done. Evidence of a control counts for the occurrence
/// nearest to its date (its effective date, or the day it was recorded), so one piece of evidence never closes two
/// occurrences and a review done a little early or late still counts; an occurrence recorded done is done.
/// </summary>
public sealed class RecurringOccurrences(HarmoniaDbContext db)
{
    /// <summary>How far back missed occurrences stay due work.</summary>
    public const int LookBackDays = 365;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<(RecurringActivityRecord Activity, IReadOnlyList<OccurrenceDto> Past, IReadOnlyList<OccurrenceDto> Next)>> ScheduleAsync(DateOnly today, int next, CancellationToken cancellationToken, Guid? only = null)
    {
        var activities = await db.RecurringActivities.AsNoTracking().Where(a => only == null || a.Id == only).OrderBy(a => a.Key).ToListAsync(cancellationToken);
        var controlIds = activities.Where(a => a.ControlId is not null).Select(a => a.ControlId!.Value).Distinct().ToArray();
        var evidence = (await db.EvidenceVersions.AsNoTracking()
                .Join(db.Evidence.Where(e => controlIds.Contains(e.ControlId)), v => v.EvidenceId, e => e.Id, (v, e) => new { e.ControlId, e.Title, v.EffectiveOn, v.CreatedUtc })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.ControlId)
            .ToDictionary(g => g.Key, g => g.Select(x => (On: x.EffectiveOn ?? DateOnly.FromDateTime(x.CreatedUtc), x.Title)).ToArray());
        var result = new List<(RecurringActivityRecord, IReadOnlyList<OccurrenceDto>, IReadOnlyList<OccurrenceDto>)>();
        foreach (var activity in activities)
        {
            // One occurrence either side of the window, so the first and last have neighbours to share evidence with.
            var days = RecurrenceSchedule.Between(activity.Rule, activity.StartsOn, today.AddDays(-LookBackDays - 400), today.AddDays(400)).ToList();
            var completed = Completed(activity);
            var proofs = activity.ControlId is { } control ? evidence.GetValueOrDefault(control) ?? [] : [];
            OccurrenceDto Status(int i)
            {
                var on = days[i];
                if (completed.FirstOrDefault(c => c.On == on) is { } done)
                {
                    return new OccurrenceDto(on, "done", $"recorded done by {done.By}" + (done.Note is { Length: > 0 } note ? $": {note}" : string.Empty));
                }

                var from = i > 0 ? on.AddDays(-(on.DayNumber - days[i - 1].DayNumber) / 2) : DateOnly.MinValue;
                var to = i + 1 < days.Count ? on.AddDays((days[i + 1].DayNumber - on.DayNumber + 1) / 2) : DateOnly.MaxValue;
                var proof = proofs.Where(p => p.On >= from && p.On < to).OrderBy(p => Math.Abs(p.On.DayNumber - on.DayNumber)).Cast<(DateOnly On, string Title)?>().FirstOrDefault();
                return proof is { } p ? new OccurrenceDto(on, "done", $"evidence '{p.Title}' of {p.On:yyyy-MM-dd}")
                    : new OccurrenceDto(on, on < today ? "overdue" : "due", null);
            }

            var past = Enumerable.Range(0, days.Count).Where(i => days[i] < today && days[i] >= today.AddDays(-LookBackDays)).Select(Status).ToArray();
            var upcoming = Enumerable.Range(0, days.Count).Where(i => days[i] >= today).Take(next).Select(Status).ToArray();
            result.Add((activity, past, upcoming));
        }

        return result;
    }

    public static List<CompletedOccurrence> Completed(RecurringActivityRecord activity) =>
        JsonSerializer.Deserialize<List<CompletedOccurrence>>(activity.CompletedJson, Json) ?? [];

    public static string Write(IEnumerable<CompletedOccurrence> completed) => JsonSerializer.Serialize(completed.OrderBy(c => c.On), Json);
}
