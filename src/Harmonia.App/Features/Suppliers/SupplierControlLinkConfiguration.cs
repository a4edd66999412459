using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Suppliers;

internal sealed class SupplierControlLinkConfiguration : IEntityTypeConfiguration<SupplierControlLink>
{
    public void Configure(EntityTypeBuilder<SupplierControlLink> e)
    {
        e.HasKey(l => new { l.SupplierId, l.ControlId });
        // Cascade: a link row never outlives the record it names; the supplier keeps its other links.
        e.HasOne<Features.Controls.ControlRecord>().WithMany().HasForeignKey(l => l.ControlId).OnDelete(DeleteBehavior.Cascade);
    }
}
