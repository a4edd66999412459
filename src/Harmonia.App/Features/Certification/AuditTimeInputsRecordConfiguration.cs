using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Certification;

internal sealed class AuditTimeInputsRecordConfiguration : IEntityTypeConfiguration<AuditTimeInputsRecord>
{
    public void Configure(EntityTypeBuilder<AuditTimeInputsRecord> e)
    {
        e.HasIndex(i => i.OrganizationId).IsUnique();
        e.Property(i => i.BusinessComplexity).HasMaxLength(16);
        e.Property(i => i.ItComplexity).HasMaxLength(16);
        e.Property(i => i.AiRole).HasMaxLength(32);
        e.Property(i => i.Note).HasMaxLength(2000);
        e.Property(i => i.Version).IsConcurrencyToken();
    }
}
