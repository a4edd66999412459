using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Suppliers;

/// <summary>The organization's criticality tiers; the default set (version 0) until it saves its own.</summary>
public sealed class GetSupplierTiersHandler(HarmoniaDbContext db)
{
    public async Task<SupplierTiersDto> HandleAsync(CancellationToken cancellationToken = default)
    {
        var record = await db.SupplierTiers.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return new SupplierTiersDto(SupplierJson.Tiers(record), record is null, record?.Version ?? 0);
    }
}
