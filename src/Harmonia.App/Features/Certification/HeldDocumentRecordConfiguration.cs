using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Certification;

internal sealed class HeldDocumentRecordConfiguration : IEntityTypeConfiguration<HeldDocumentRecord>
{
    public void Configure(EntityTypeBuilder<HeldDocumentRecord> e)
    {
        e.HasIndex(d => new { d.OrganizationId, d.CertificateId, d.RequirementId }).IsUnique();
        e.Property(d => d.RequirementId).HasMaxLength(100);
        e.Property(d => d.Title).HasMaxLength(300);
        e.Property(d => d.Reference).HasMaxLength(100);
        e.Property(d => d.Location).HasMaxLength(500);
        e.HasOne<CertificateRecord>().WithMany().HasForeignKey(d => d.CertificateId).OnDelete(DeleteBehavior.Cascade);
    }
}
