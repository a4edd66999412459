using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>Ends a rhythm the organization no longer keeps; what was done stays in the audit trail.</summary>
public sealed class DeleteRecurringActivityHandler(HarmoniaDbContext db)
{
    public async Task HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var activity = await db.RecurringActivities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("recurring activity");
        db.RecurringActivities.Remove(activity);
        await db.SaveChangesAsync(cancellationToken);
    }
}
