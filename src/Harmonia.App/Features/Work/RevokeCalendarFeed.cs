using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>Stops a feed address from answering. A person revokes their own; Owners and Managers any of the organization.</summary>
public sealed class RevokeCalendarFeedHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException for a feed of another organization, or one the viewer may not see.</summary>
    public async Task HandleAsync(Guid feedId, WorkViewer viewer, CancellationToken cancellationToken = default)
    {
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.Id == feedId, cancellationToken);
        if (feed is null || (!viewer.SeesEveryone && feed.UserId != viewer.UserId))
        {
            throw new NotFoundException("calendar feed");
        }

        if (feed.RevokedUtc is null)
        {
            (feed.RevokedUtc, feed.RevokedBy) = (time.GetUtcNow().UtcDateTime, actor.Name);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
