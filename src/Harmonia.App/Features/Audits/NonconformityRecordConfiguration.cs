using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Audits;

internal sealed class NonconformityRecordConfiguration : IEntityTypeConfiguration<NonconformityRecord>
{
    public void Configure(EntityTypeBuilder<NonconformityRecord> e)
    {
        e.HasIndex(n => new { n.OrganizationId, n.Key }).IsUnique();
        e.HasIndex(n => new { n.OrganizationId, n.State });
        e.Property(n => n.Key).HasMaxLength(32);
        e.Property(n => n.Grade).HasMaxLength(32);
        e.Property(n => n.State).HasMaxLength(32);
        e.Property(n => n.RequirementIds).HasMaxLength(400);
        e.Property(n => n.Version).IsConcurrencyToken();
        e.HasOne<AuditRecord>().WithMany().HasForeignKey(n => n.AuditId).OnDelete(DeleteBehavior.Restrict);
    }
}
