using Harmonia.App.Persistence;
using Harmonia.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <param name="EmailConfigured">False when the server has no SMTP settings: then every reminder stays in the app.</param>
public sealed record ReminderPreferencesDto(bool Assigned, bool DueSoon, int DueSoonDays, bool Overdue, bool WeeklyDigest, bool DigestOnly, bool EmailConfigured);

public sealed record ReminderPreferencesInput(bool? Assigned, bool? DueSoon, int? DueSoonDays, bool? Overdue, bool? WeeklyDigest, bool? DigestOnly);

/// <summary>Reads one person's reminder settings (the defaults until they save their own).</summary>
public sealed class GetReminderPreferencesHandler(HarmoniaDbContext db, MailSettings mail)
{
    public async Task<ReminderPreferencesDto> HandleAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var stored = await db.ReminderPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var p = stored?.ToPreferences() ?? ReminderPreferences.Default;
        return new ReminderPreferencesDto(p.Assigned, p.DueSoon, p.DueSoonDays, p.Overdue, p.WeeklyDigest, p.DigestOnly, mail.IsConfigured);
    }
}
