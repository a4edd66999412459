using Harmonia.App.Persistence;
using Harmonia.Domain.Work;

namespace Harmonia.App.Features.Work;

/// <param name="Matched">Records whose free-text owner named exactly one member, now owned by that member.</param>
/// <param name="ToResolve">Records whose text names no member or several: listed for a person to choose.</param>
public sealed record OwnerMatchOutcome(int Matched, int ToResolve);

/// <summary>
/// The upgrade from free-text owners: every record whose owner text names exactly one active member (by e-mail or
/// display name, <see cref="OwnerMatcher"/>) becomes that member's; the rest stay as typed and appear on the list of
/// owners to resolve. The text itself is never changed, so nothing is lost. Runs once by itself at an organization's
/// first reminder sweep after the upgrade, and again whenever someone asks (after inviting the people named).
/// </summary>
public sealed class MatchFreeTextOwnersHandler(HarmoniaDbContext db, OwnedRecords owned, AssignOwnerHandler assign, ListDueWorkHandler work, TimeProvider time)
{
    public async Task<OwnerMatchOutcome> HandleAsync(CancellationToken cancellationToken = default)
    {
        var outcome = await MatchAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    /// <summary>Applies the matches without saving (the sweep saves them with its own changes).</summary>
    internal async Task<OwnerMatchOutcome> MatchAsync(CancellationToken cancellationToken)
    {
        var matcher = new OwnerMatcher(await work.MembersAsync(cancellationToken));
        var now = time.GetUtcNow().UtcDateTime;
        var (matched, toResolve) = (0, 0);
        foreach (var record in (await owned.AllAsync(cancellationToken)).Where(r => r.MemberId is null && r.OwnerText is not null))
        {
            if (matcher.Resolve(record.OwnerText) is { } member)
            {
                await assign.ApplyAsync(record, member, now, cancellationToken, $"matched from the owner text '{ReminderMessages.Clip(record.OwnerText!, 200)}'");
                matched++;
            }
            else
            {
                toResolve++;
            }
        }

        return new OwnerMatchOutcome(matched, toResolve);
    }
}
