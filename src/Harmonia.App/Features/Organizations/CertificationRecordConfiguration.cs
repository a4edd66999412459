using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Organizations;

internal sealed class CertificationRecordConfiguration : IEntityTypeConfiguration<CertificationRecord>
{
    public void Configure(EntityTypeBuilder<CertificationRecord> e)
    {
        e.HasIndex(c => new { c.OrganizationId, c.FrameworkId }).IsUnique();
        e.Property(c => c.FrameworkId).HasMaxLength(64);
        e.Property(c => c.CertificationBody).HasMaxLength(200);
    }
}
