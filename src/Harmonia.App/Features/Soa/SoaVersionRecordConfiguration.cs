using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Soa;

internal sealed class SoaVersionRecordConfiguration : IEntityTypeConfiguration<SoaVersionRecord>
{
    public void Configure(EntityTypeBuilder<SoaVersionRecord> e)
    {
        e.HasIndex(s => new { s.OrganizationId, s.FrameworkId, s.Number }).IsUnique();
        e.Property(s => s.FrameworkId).HasMaxLength(64);
        e.Property(s => s.Status).HasMaxLength(16);
        e.Property(s => s.Note).HasMaxLength(2000);
        e.Property(s => s.CreatedBy).HasMaxLength(200);
        e.Property(s => s.ApprovedBy).HasMaxLength(200);
    }
}
