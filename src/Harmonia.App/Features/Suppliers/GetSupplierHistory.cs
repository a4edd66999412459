using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Suppliers;

/// <summary>The audit-trail events of one supplier: its own row and its link rows (whose ids start with the supplier's), newest first.</summary>
public sealed class GetSupplierHistoryHandler(HarmoniaDbContext db, SupplierRegister register)
{
    public async Task<IReadOnlyList<AuditEventDto>> HandleAsync(Guid supplierId, CancellationToken cancellationToken = default)
    {
        var supplier = await register.OneAsync(supplierId, cancellationToken);
        var id = supplier.Id.ToString();
        var prefix = id + ",";
        return await db.AuditEvents.AsNoTracking().Where(e => (e.EntityType == nameof(SupplierRecord) && e.EntityId == id) || (e.EntityType.StartsWith("Supplier") && e.EntityId.StartsWith(prefix)))
            .OrderByDescending(e => e.Sequence).Take(200)
            .Select(e => new AuditEventDto(e.Sequence, e.OccurredUtc, e.Actor, e.EntityType, e.EntityId, e.Action, e.Changes, e.Hash))
            .ToListAsync(cancellationToken);
    }
}
