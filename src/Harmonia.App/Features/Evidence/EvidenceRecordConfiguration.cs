using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Evidence;

// The table keeps its first name so the migration that introduced versions could carry existing rows over.
internal sealed class EvidenceRecordConfiguration : IEntityTypeConfiguration<EvidenceRecord>
{
    public void Configure(EntityTypeBuilder<EvidenceRecord> e)
    {
        e.ToTable("ControlEvidence");
        e.Property(r => r.Title).HasMaxLength(500);
        e.HasIndex(r => new { r.OrganizationId, r.ControlId });
        e.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.EvidenceId).OnDelete(DeleteBehavior.Cascade);
    }
}
