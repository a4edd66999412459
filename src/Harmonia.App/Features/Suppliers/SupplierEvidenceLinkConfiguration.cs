using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Suppliers;

internal sealed class SupplierEvidenceLinkConfiguration : IEntityTypeConfiguration<SupplierEvidenceLink>
{
    public void Configure(EntityTypeBuilder<SupplierEvidenceLink> e)
    {
        e.HasKey(l => new { l.SupplierId, l.EvidenceId });
        // Cascade: a link row never outlives the record it names; the supplier keeps its other links.
        e.HasOne<Features.Evidence.EvidenceRecord>().WithMany().HasForeignKey(l => l.EvidenceId).OnDelete(DeleteBehavior.Cascade);
    }
}
