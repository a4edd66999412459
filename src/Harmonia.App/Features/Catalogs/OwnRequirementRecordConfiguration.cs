using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Catalogs;

internal sealed class OwnRequirementRecordConfiguration : IEntityTypeConfiguration<OwnRequirementRecord>
{
    public void Configure(EntityTypeBuilder<OwnRequirementRecord> e)
    {
        e.HasIndex(r => new { r.OwnFrameworkId, r.Ref }).IsUnique();
        e.HasIndex(r => r.OrganizationId);
        e.Property(r => r.Ref).HasMaxLength(100);
        e.Property(r => r.SourceId).HasMaxLength(300);
        e.Property(r => r.ParentRef).HasMaxLength(100);
        e.Property(r => r.Title).HasMaxLength(500);
        e.Property(r => r.Description).HasMaxLength(8000);
    }
}
