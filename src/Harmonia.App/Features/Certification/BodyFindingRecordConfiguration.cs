using Harmonia.App.Features.Audits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Certification;

internal sealed class BodyFindingRecordConfiguration : IEntityTypeConfiguration<BodyFindingRecord>
{
    public void Configure(EntityTypeBuilder<BodyFindingRecord> e)
    {
        e.HasIndex(f => new { f.OrganizationId, f.CertificateId });
        e.HasIndex(f => f.NonconformityId).IsUnique();
        e.Property(f => f.Audit).HasMaxLength(32);
        e.Property(f => f.BodyReference).HasMaxLength(100);
        e.HasOne<CertificateRecord>().WithMany().HasForeignKey(f => f.CertificateId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<NonconformityRecord>().WithMany().HasForeignKey(f => f.NonconformityId).OnDelete(DeleteBehavior.Restrict);
    }
}
