using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

/// <summary>How many different members must approve a document revision (1 to 3).</summary>
public sealed class SetRequiredApprovalsHandler(HarmoniaDbContext db)
{
    public async Task HandleAsync(Guid organizationId, int count, CancellationToken cancellationToken = default)
    {
        if (count is < 1 or > 3)
        {
            throw new InvalidInputException("A document revision needs 1 to 3 approvals.");
        }

        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, cancellationToken);
        organization.RequiredDocumentApprovals = count;
        await db.SaveChangesAsync(cancellationToken);
    }
}
