using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>Saves one person's reminder settings; every change lands in the audit trail.</summary>
public sealed class SaveReminderPreferencesHandler(HarmoniaDbContext db, TenantScope tenant, GetReminderPreferencesHandler get)
{
    public async Task<ReminderPreferencesDto> HandleAsync(Guid userId, ReminderPreferencesInput input, CancellationToken cancellationToken = default)
    {
        var days = input.DueSoonDays ?? ReminderPreferences.Default.DueSoonDays;
        if (days is < 1 or > ReminderPreferences.MaxDueSoonDays)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["dueSoonDays"] = [$"Remind from 1 to {ReminderPreferences.MaxDueSoonDays} days before the date; {days} is outside that."] });
        }

        var stored = await db.ReminderPreferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (stored is null)
        {
            stored = new ReminderPreferencesRecord { Id = Guid.CreateVersion7(), OrganizationId = tenant.OrganizationId!.Value, UserId = userId };
            db.ReminderPreferences.Add(stored);
        }

        stored.Assigned = input.Assigned ?? false;
        stored.DueSoon = input.DueSoon ?? false;
        stored.DueSoonDays = days;
        stored.Overdue = input.Overdue ?? false;
        stored.WeeklyDigest = input.WeeklyDigest ?? false;
        stored.DigestOnly = input.DigestOnly ?? false;
        await db.SaveChangesAsync(cancellationToken);
        return await get.HandleAsync(userId, cancellationToken);
    }
}
