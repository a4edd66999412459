using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Audits;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> e)
    {
        e.HasIndex(a => new { a.OrganizationId, a.Key }).IsUnique();
        e.Property(a => a.Key).HasMaxLength(64);
        e.Property(a => a.Title).HasMaxLength(300);
        e.Property(a => a.Criteria).HasMaxLength(2000);
        e.Property(a => a.Auditors).HasMaxLength(1000);
        e.Property(a => a.Status).HasMaxLength(16);
        e.Property(a => a.Version).IsConcurrencyToken();
    }
}
