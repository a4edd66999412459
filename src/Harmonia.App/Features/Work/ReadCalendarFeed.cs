using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>
/// Answers a calendar application that presents a feed secret, without any session: the secret alone names the
/// organization (and the person), so the tenant scope comes from the stored feed, never from the request. Unknown,
/// malformed and revoked secrets, and feeds of people no longer members or disabled, all answer null (404).
/// </summary>
public sealed class ReadCalendarFeedHandler(HarmoniaDbContext db, TenantScope tenant, ListDueWorkHandler work)
{
    public async Task<string?> HandleAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!CalendarFeedToken.LooksValid(token))
        {
            return null;
        }

        var hash = CalendarFeedToken.Hash(token!);

        // The one read across organizations: finding which organization a secret belongs to (allow-listed).
        var feed = await db.CalendarFeeds.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).AsNoTracking()
            .SingleOrDefaultAsync(f => f.TokenHash == hash && f.RevokedUtc == null, cancellationToken);
        if (feed is null)
        {
            return null;
        }

        tenant.Enter(feed.OrganizationId);
        var members = await work.MembersAsync(cancellationToken);
        if (feed.UserId is { } user && members.All(m => m.Id != user))
        {
            return null;
        }

        var name = await db.Organizations.Where(o => o.Id == feed.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var items = await work.DeriveAsync(members, cancellationToken);
        var mine = feed.UserId is { } person ? items.Where(i => i.AssigneeId == person).ToArray() : items;
        var title = feed.UserId is null ? $"{name}: due work" : $"{name}: my work ({members.Single(m => m.Id == feed.UserId).Email})";
        return CalendarFeedWriter.Write(title, mine, work.Today());
    }
}
