using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Suppliers;

internal sealed class SupplierRecordConfiguration : IEntityTypeConfiguration<SupplierRecord>
{
    public void Configure(EntityTypeBuilder<SupplierRecord> e)
    {
        e.HasIndex(s => new { s.OrganizationId, s.Key }).IsUnique();
        e.HasIndex(s => new { s.OrganizationId, s.Name }).IsUnique();
        e.Property(s => s.Key).HasMaxLength(16);
        e.Property(s => s.Name).HasMaxLength(200);
        e.Property(s => s.Services).HasMaxLength(2000);
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(s => s.Tier).HasMaxLength(32);
        e.Property(s => s.DataProcessed).HasMaxLength(2000);
        e.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasMany(s => s.AiSystemLinks).WithOne().HasForeignKey(l => l.SupplierId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.RiskLinks).WithOne().HasForeignKey(l => l.SupplierId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.ControlLinks).WithOne().HasForeignKey(l => l.SupplierId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.EvidenceLinks).WithOne().HasForeignKey(l => l.SupplierId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.SubProcessorLinks).WithOne().HasForeignKey(l => l.SupplierId).OnDelete(DeleteBehavior.Cascade);
    }
}
