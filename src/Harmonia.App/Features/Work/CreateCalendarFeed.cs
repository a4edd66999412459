using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <param name="UserId">The person whose feed it is; null for the organization's feed.</param>
public sealed record CreateCalendarFeedRequest(Guid? UserId);

/// <param name="Token">The secret: shown once, in <paramref name="Path"/>, never stored.</param>
public sealed record CreatedCalendarFeed(Guid Id, string Token, string Path);

/// <summary>
/// Creates a feed address for a person or for the organization. A new address replaces the previous one of the same
/// person (or the organization's): the old one is revoked in the same save, so "regenerate" is this use case.
/// </summary>
public sealed class CreateCalendarFeedHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time)
{
    public async Task<CreatedCalendarFeed> HandleAsync(CreateCalendarFeedRequest request, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var previous in await db.CalendarFeeds.Where(f => f.UserId == request.UserId && f.RevokedUtc == null).ToListAsync(cancellationToken))
        {
            (previous.RevokedUtc, previous.RevokedBy) = (now, actor.Name);
        }

        var token = CalendarFeedToken.New();
        var feed = new CalendarFeedRecord
        {
            UserId = request.UserId,
            Prefix = token[..10],
            TokenHash = CalendarFeedToken.Hash(token),
            CreatedBy = actor.Name,
            CreatedUtc = now,
        };
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedCalendarFeed(feed.Id, token, CalendarFeedToken.Path(token));
    }
}
