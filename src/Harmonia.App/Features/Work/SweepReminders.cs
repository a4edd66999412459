using Harmonia.App.Persistence;
using Harmonia.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>
/// Turns the organization's due work of today into reminders (<see cref="ReminderRules"/>): each one that does not
/// exist yet is stored once, in the inbox and, when the person wants it and a server is configured, queued for e-mail.
/// The unique (organization, person, key) index makes a second sweep, on this node or another, add nothing.
/// </summary>
public sealed class SweepRemindersHandler(HarmoniaDbContext db, TenantScope tenant, ListDueWorkHandler work, MatchFreeTextOwnersHandler owners, MailSettings mail, TimeProvider time)
{
    private const int KeyBatch = 500;

    /// <summary>Returns how many reminders were added. The caller has entered the organization's tenant scope.</summary>
    public async Task<int> HandleAsync(CancellationToken cancellationToken = default)
    {
        var organizationId = tenant.OrganizationId ?? throw new InvalidOperationException("A reminder sweep works for one organization.");
        var now = time.GetUtcNow().UtcDateTime;
        var today = work.Today();
        var sweep = await db.ReminderSweeps.SingleOrDefaultAsync(cancellationToken);
        if (sweep?.OwnersMatchedUtc is null)
        {
            // The upgrade from free-text owners happens once, by itself; it is saved with this sweep.
            await owners.MatchAsync(cancellationToken);
        }

        var items = await work.DeriveWithoutKeepingAsync(await work.MembersAsync(cancellationToken), cancellationToken);
        var preferences = await db.ReminderPreferences.AsNoTracking().ToDictionaryAsync(p => p.UserId, p => p.ToPreferences(), cancellationToken);
        ReminderPreferences For(Guid person) => preferences.GetValueOrDefault(person) ?? ReminderPreferences.Default;
        var wanted = ReminderRules.For(items, today, For);

        var existing = new HashSet<(Guid, string)>();
        foreach (var batch in wanted.Select(w => w.Key).Distinct(StringComparer.Ordinal).Chunk(KeyBatch))
        {
            var found = await db.Notifications.AsNoTracking().Where(n => batch.Contains(n.Key)).Select(n => new { n.UserId, n.Key }).ToListAsync(cancellationToken);
            existing.UnionWith(found.Select(f => (f.UserId, f.Key)));
        }

        var organization = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var added = 0;
        foreach (var reminder in wanted.Where(w => !existing.Contains((w.Recipient, w.Key))))
        {
            // Before the first sweep nobody was told anything: what is already assigned then is recorded, not announced.
            var hidden = sweep is null && reminder.Kind == ReminderKind.Assigned;
            var composed = ReminderMessages.Compose(reminder, organizationId, organization, today);
            var emails = !hidden && mail.IsConfigured && For(reminder.Recipient).Emails(reminder.Kind);
            db.Notifications.Add(NotificationRecord.New(organizationId, reminder.Recipient, reminder.Kind.ToString(), reminder.Key, composed.Subject, composed.Text, composed.Link, now, emails, hidden));
            added += hidden ? 0 : 1;
        }

        if (sweep is null)
        {
            db.ReminderSweeps.Add(new ReminderSweepRecord { OrganizationId = organizationId, FirstSweptUtc = now, LastSweptUtc = now, OwnersMatchedUtc = now });
        }
        else
        {
            sweep.LastSweptUtc = now;
            sweep.OwnersMatchedUtc ??= now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node swept the same organization at the same moment and stored these reminders first.
            db.ChangeTracker.Clear();
            return 0;
        }

        return added;
    }
}
