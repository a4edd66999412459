using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Audits;

/// <summary>Completes an audit once every checklist item has a result; readiness counts only completed audits.</summary>
public sealed class CompleteAuditHandler(HarmoniaDbContext db, GetAuditHandler get, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such audit.</summary>
    public async Task<AuditDetail> HandleAsync(Guid auditId, CancellationToken cancellationToken = default)
    {
        var detail = await get.HandleAsync(auditId, cancellationToken);
        if (detail is null)
        {
            throw new NotFoundException("audit");
        }

        if (detail.Audit.Status == AuditStatuses.Completed)
        {
            throw new InvalidInputException($"Audit {detail.Audit.Key} is already completed.");
        }

        var open = detail.Checklist.Where(r => r.Result is null).Select(r => r.Item.Ref).ToArray();
        if (open.Length > 0)
        {
            throw new InvalidInputException($"{open.Length} checklist items have no result yet ({string.Join(", ", open.Take(8))}{(open.Length > 8 ? ", ..." : string.Empty)}).");
        }

        var audit = await db.Audits.SingleAsync(a => a.Id == auditId, cancellationToken);
        (audit.Status, audit.CompletedOn) = (AuditStatuses.Completed, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        audit.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await get.HandleAsync(auditId, cancellationToken);
    }
}
