using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Suppliers;

internal sealed class SupplierSubProcessorLinkConfiguration : IEntityTypeConfiguration<SupplierSubProcessorLink>
{
    public void Configure(EntityTypeBuilder<SupplierSubProcessorLink> e)
    {
        e.HasKey(l => new { l.SupplierId, l.SubProcessorId });
        // Restrict: DeleteSupplier refuses while another supplier names this one as its sub-processor.
        e.HasOne<SupplierRecord>().WithMany().HasForeignKey(l => l.SubProcessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
