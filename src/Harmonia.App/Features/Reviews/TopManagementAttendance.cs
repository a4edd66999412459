using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Reviews;

/// <summary>The latest management review and the top-management members recorded as attending it (names as they are now, or as recorded when removed since).</summary>
public sealed record LatestReviewAttendance(Guid? ReviewId, DateOnly? HeldOn, IReadOnlyList<string> TopManagementAttendees)
{
    /// <summary>Whether at least one top-management member attended the latest review (false when no review was held).</summary>
    public bool AttendedByTopManagement => TopManagementAttendees.Count > 0;
}

/// <summary>
/// Whether top management held the latest management review: at least one of the named top-management members is
/// recorded as attending it. Free-text attendees do not count, since nothing says who among them is top management.
/// </summary>
public sealed class TopManagementAttendance(HarmoniaDbContext db)
{
    public async Task<LatestReviewAttendance> LatestReviewAsync(CancellationToken cancellationToken = default)
    {
        // Reviews held on the same day are one meeting recorded in parts (e.g. one per standard): together they are the latest review.
        var day = await db.ManagementReviews.AsNoTracking().OrderByDescending(m => m.HeldOn).Select(m => (DateOnly?)m.HeldOn).FirstOrDefaultAsync(cancellationToken);
        if (day is null)
        {
            return new LatestReviewAttendance(null, null, []);
        }

        var held = await db.ManagementReviews.AsNoTracking().Where(m => m.HeldOn == day).Select(m => new { m.Id, m.TopManagementAttendeeIds }).ToListAsync(cancellationToken);
        var ids = held.SelectMany(m => Ids(m.TopManagementAttendeeIds)).Distinct().ToArray();
        var names = await db.TopManagement.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var review = held.FirstOrDefault(m => Ids(m.TopManagementAttendeeIds).Length > 0) ?? held[0];

        // A member removed since still attended: the review's attendee list holds their name.
        return new LatestReviewAttendance(review.Id, day, ids.Select(id => names.GetValueOrDefault(id) ?? "a former top-management member").ToArray());
    }

    internal static Guid[] Ids(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToArray();
}
