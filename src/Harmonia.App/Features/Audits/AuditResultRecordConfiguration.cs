using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Audits;

internal sealed class AuditResultRecordConfiguration : IEntityTypeConfiguration<AuditResultRecord>
{
    public void Configure(EntityTypeBuilder<AuditResultRecord> e)
    {
        e.HasIndex(r => new { r.OrganizationId, r.AuditId, r.ItemKey }).IsUnique();
        e.Property(r => r.ItemKey).HasMaxLength(100);
        e.Property(r => r.RequirementIds).HasMaxLength(400);
        e.Property(r => r.Grade).HasMaxLength(32);
        e.Property(r => r.Note).HasMaxLength(4000);
        e.Property(r => r.Sampled).HasMaxLength(2000);
        e.Property(r => r.RecordedBy).HasMaxLength(200);
        e.HasOne<AuditRecord>().WithMany().HasForeignKey(r => r.AuditId).OnDelete(DeleteBehavior.Restrict);
    }
}
