using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Controls;

internal sealed class ControlRecordConfiguration : IEntityTypeConfiguration<ControlRecord>
{
    public void Configure(EntityTypeBuilder<ControlRecord> e)
    {
        e.HasIndex(c => new { c.OrganizationId, c.Key }).IsUnique();
        e.Property(c => c.Key).HasMaxLength(64);
        e.Property(c => c.Name).HasMaxLength(300);
        e.Property(c => c.Owner).HasMaxLength(200);
        e.Property(c => c.Status).HasMaxLength(32);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasMany(c => c.Requirements).WithOne().HasForeignKey(r => r.ControlId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Evidence).WithOne().HasForeignKey(r => r.ControlId).OnDelete(DeleteBehavior.Cascade);
    }
}
