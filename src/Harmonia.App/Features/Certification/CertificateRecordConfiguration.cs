using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Certification;

internal sealed class CertificateRecordConfiguration : IEntityTypeConfiguration<CertificateRecord>
{
    public void Configure(EntityTypeBuilder<CertificateRecord> e)
    {
        e.HasIndex(c => new { c.OrganizationId, c.Body, c.Number }).IsUnique();
        e.Property(c => c.FrameworkId).HasMaxLength(64);
        e.Property(c => c.Number).HasMaxLength(100);
        e.Property(c => c.Body).HasMaxLength(200);
        e.Property(c => c.Scope).HasMaxLength(4000);
        e.Property(c => c.Version).IsConcurrencyToken();
    }
}
