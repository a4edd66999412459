using Harmonia.App.Common;
using Harmonia.App.Features.Risks;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Work;

/// <summary>The recurring activities with their last year's occurrences (done or overdue) and the next four.</summary>
public sealed class ListRecurringActivitiesHandler(HarmoniaDbContext db, RecurringOccurrences occurrences, TimeProvider time)
{
    public const int NextShown = 4;

    public async Task<IReadOnlyList<RecurringActivityDto>> HandleAsync(CancellationToken cancellationToken = default) =>
        await DtosAsync(null, cancellationToken);

    /// <summary>Throws NotFoundException when the organization has no such activity.</summary>
    public async Task<RecurringActivityDto> OneAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await DtosAsync(id, cancellationToken)).SingleOrDefault() ?? throw new NotFoundException("recurring activity");

    private async Task<IReadOnlyList<RecurringActivityDto>> DtosAsync(Guid? only, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var schedule = await occurrences.ScheduleAsync(today, NextShown, cancellationToken, only);
        var controls = await db.ControlKeysAsync(cancellationToken);
        var accounts = await db.MemberAccountsAsync(cancellationToken);
        return schedule.Select(s => new RecurringActivityDto(
            s.Activity.Id, s.Activity.Key, s.Activity.Title, s.Activity.Kind,
            s.Activity.ControlId is { } c ? controls.GetValueOrDefault(c) : null,
            s.Activity.Rule, s.Activity.StartsOn, s.Activity.Owner,
            s.Activity.OwnerUserId is { } o ? accounts.GetValueOrDefault(o) : null,
            s.Past, s.Next, s.Activity.Version)).ToArray();
    }
}
