using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <param name="UserId">Null for the organization's feed.</param>
public sealed record CalendarFeedDto(Guid Id, Guid? UserId, string Prefix, string CreatedBy, DateTime CreatedUtc, DateTime? RevokedUtc, string? RevokedBy);

/// <summary>The viewer's own feed addresses and, for Owners and Managers, every feed of the organization; secrets are never shown again.</summary>
public sealed class ListCalendarFeedsHandler(HarmoniaDbContext db)
{
    public async Task<IReadOnlyList<CalendarFeedDto>> HandleAsync(WorkViewer viewer, CancellationToken cancellationToken = default) =>
        (await db.CalendarFeeds.AsNoTracking()
            .Where(f => viewer.SeesEveryone || f.UserId == viewer.UserId)
            .ToListAsync(cancellationToken))
        .OrderBy(f => f.RevokedUtc is not null).ThenByDescending(f => f.CreatedUtc)
        .Select(f => new CalendarFeedDto(f.Id, f.UserId, f.Prefix, f.CreatedBy, f.CreatedUtc, f.RevokedUtc, f.RevokedBy))
        .ToArray();
}
