using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>Marks one of the person's notifications read, or all of them; someone else's answers 404.</summary>
public sealed class MarkNotificationsReadHandler(HarmoniaDbContext db, TimeProvider time)
{
    public async Task HandleAsync(Guid userId, Guid notificationId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var notification = await db.Notifications.Where(n => n.Id == notificationId && n.UserId == userId && !n.Hidden).Select(n => new { n.ReadUtc }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("notification", notificationId);
        if (notification.ReadUtc is null)
        {
            await db.Notifications.Where(n => n.Id == notificationId && n.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now), cancellationToken);
        }
    }

    public Task<int> AllAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => n.UserId == userId && n.ReadUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now), cancellationToken);
    }
}
