using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Gaps;

/// <summary>Removes an entered result, so the requirement falls back to its controls or to inference.</summary>
public sealed class DeleteResultHandler(HarmoniaDbContext db)
{
    public async Task<bool> HandleAsync(string requirementId, CancellationToken cancellationToken = default)
    {
        var record = await db.RequirementResults.SingleOrDefaultAsync(r => r.RequirementId == requirementId, cancellationToken);
        if (record is null)
        {
            return false;
        }

        db.RequirementResults.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
