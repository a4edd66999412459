using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Suppliers;

internal sealed class SupplierAiSystemLinkConfiguration : IEntityTypeConfiguration<SupplierAiSystemLink>
{
    public void Configure(EntityTypeBuilder<SupplierAiSystemLink> e)
    {
        e.HasKey(l => new { l.SupplierId, l.AiSystemId });
        e.Property(l => l.Role).HasMaxLength(32);
        // Cascade: a link row never outlives the record it names; the supplier keeps its other links.
        e.HasOne<Features.AiSystems.AiSystemRecord>().WithMany().HasForeignKey(l => l.AiSystemId).OnDelete(DeleteBehavior.Cascade);
    }
}
