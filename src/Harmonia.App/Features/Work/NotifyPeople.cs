using Harmonia.App.Persistence;
using Harmonia.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>
/// Puts a notice other than a due-work reminder (a mention) into people's inboxes, and queues its e-mail when they want
/// it; the caller saves. A key already used for that person adds nothing, so an edited comment does not notify twice.
/// </summary>
public sealed class NotifyPeopleHandler(HarmoniaDbContext db, TenantScope tenant, MailSettings mail, TimeProvider time)
{
    public async Task AddAsync(IReadOnlyCollection<Guid> people, ReminderKind kind, string key, string subject, string text, string link, CancellationToken cancellationToken)
    {
        var organizationId = tenant.OrganizationId ?? throw new InvalidOperationException("Notices belong to one organization.");
        var already = await db.Notifications.Where(n => n.Key == key && people.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(cancellationToken);
        var settings = await db.ReminderPreferences.AsNoTracking().Where(p => people.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.ToPreferences(), cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var person in people.Except(already))
        {
            var emails = mail.IsConfigured && (settings.GetValueOrDefault(person) ?? ReminderPreferences.Default).Emails(kind);
            db.Notifications.Add(NotificationRecord.New(organizationId, person, kind.ToString(), key, subject, text, $"/orgs/{organizationId}/{link}", now, emails));
        }
    }
}
