using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Organizations;

/// <summary>
/// Removes a person from top management. Reviews they attended and approvals they gave keep their name (recorded at
/// the time), so the history still shows who signed.
/// </summary>
public sealed class RemoveTopManagementMemberHandler(HarmoniaDbContext db)
{
    /// <summary>Throws NotFoundException when the organization has no such member.</summary>
    public async Task HandleAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var member = await db.TopManagement.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken) ?? throw new NotFoundException("top-management member");
        db.TopManagement.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
    }
}
