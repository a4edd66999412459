using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.AiSystems;

internal sealed class AiEvidenceRecordConfiguration : IEntityTypeConfiguration<AiEvidenceRecord>
{
    public void Configure(EntityTypeBuilder<AiEvidenceRecord> e)
    {
        e.HasIndex(a => new { a.OrganizationId, a.AiSystemId, a.MeasuredOn });
        e.Property(a => a.Kind).HasMaxLength(16);
        e.Property(a => a.Metric).HasMaxLength(300);
        e.Property(a => a.Subject).HasMaxLength(300);
        e.Property(a => a.Comparison).HasMaxLength(8);
        e.Property(a => a.DataSet).HasMaxLength(300);
        e.Property(a => a.Tool).HasMaxLength(200);
        e.Property(a => a.Location).HasMaxLength(2000);
        e.Property(a => a.RecordedBy).HasMaxLength(200);
        // Restrict: evidence is history; an AI system with evidence is taken out of scope, not deleted.
        e.HasOne<AiSystemRecord>().WithMany().HasForeignKey(a => a.AiSystemId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(a => a.ControlLinks).WithOne().HasForeignKey(l => l.AiEvidenceId).OnDelete(DeleteBehavior.Cascade);
    }
}
