using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// Whether an engagement lets its auditor in today. The authorization handler asks the same question for every
/// request of an external auditor; the use cases ask it again for the engagement the route names, so an auditor of
/// one engagement cannot reach another one's records.
/// </summary>
public sealed class EngagementAccess(HarmoniaDbContext db, TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public static bool IsOpenOn(EngagementRecord engagement, DateOnly day) =>
        engagement.ClosedUtc is null && engagement.StartsOn <= day && day <= engagement.EndsOn;

    /// <summary>The engagement if the user is its auditor and it is open today; otherwise 404, as for any record not theirs.</summary>
    public async Task<EngagementRecord> AuditorsAsync(Guid engagementId, Guid userId, CancellationToken cancellationToken)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(cancellationToken);
        var engagement = await db.Engagements.SingleOrDefaultAsync(e => e.Id == engagementId && e.NormalizedAuditorEmail == email, cancellationToken);
        if (engagement is null || !IsOpenOn(engagement, Today))
        {
            throw new NotFoundException("engagement");
        }

        return engagement;
    }

    /// <summary>For the organization's side: the engagement must exist and not be closed.</summary>
    public async Task<EngagementRecord> NotClosedAsync(Guid engagementId, CancellationToken cancellationToken)
    {
        var engagement = await db.Engagements.SingleOrDefaultAsync(e => e.Id == engagementId, cancellationToken) ?? throw new NotFoundException("engagement");
        if (engagement.ClosedUtc is not null)
        {
            throw new InvalidInputException("The engagement is closed; nothing in it changes any more.");
        }

        return engagement;
    }
}
