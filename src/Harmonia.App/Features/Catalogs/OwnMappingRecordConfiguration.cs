using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Catalogs;

internal sealed class OwnMappingRecordConfiguration : IEntityTypeConfiguration<OwnMappingRecord>
{
    public void Configure(EntityTypeBuilder<OwnMappingRecord> e)
    {
        e.HasIndex(m => new { m.OrganizationId, m.SourceId, m.TargetId }).IsUnique();
        e.HasIndex(m => m.OwnFrameworkId);
        e.Property(m => m.SourceId).HasMaxLength(170);
        e.Property(m => m.TargetId).HasMaxLength(170);
        e.Property(m => m.Relationship).HasMaxLength(16);
        e.Property(m => m.Rationale).HasMaxLength(2000);
        e.HasOne<OwnFrameworkRecord>().WithMany().HasForeignKey(m => m.OwnFrameworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
