using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Suppliers;

internal sealed class SupplierTiersRecordConfiguration : IEntityTypeConfiguration<SupplierTiersRecord>
{
    public void Configure(EntityTypeBuilder<SupplierTiersRecord> e)
    {
        e.HasIndex(t => t.OrganizationId).IsUnique();
        e.Property(t => t.Version).IsConcurrencyToken();
    }
}
