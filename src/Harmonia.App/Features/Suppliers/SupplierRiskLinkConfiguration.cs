using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Suppliers;

internal sealed class SupplierRiskLinkConfiguration : IEntityTypeConfiguration<SupplierRiskLink>
{
    public void Configure(EntityTypeBuilder<SupplierRiskLink> e)
    {
        e.HasKey(l => new { l.SupplierId, l.RiskId });
        // Cascade: a link row never outlives the record it names; the supplier keeps its other links.
        e.HasOne<Features.Risks.RiskRecord>().WithMany().HasForeignKey(l => l.RiskId).OnDelete(DeleteBehavior.Cascade);
    }
}
