using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.AiSystems;

internal sealed class ImpactAssessmentRecordConfiguration : IEntityTypeConfiguration<ImpactAssessmentRecord>
{
    public void Configure(EntityTypeBuilder<ImpactAssessmentRecord> e)
    {
        e.HasIndex(a => new { a.OrganizationId, a.AiSystemId, a.Number }).IsUnique();
        e.Property(a => a.Status).HasMaxLength(16);
        e.Property(a => a.Summary).HasMaxLength(4000);
        e.Property(a => a.ResidualAssessment).HasMaxLength(4000);
        e.Property(a => a.Decision).HasMaxLength(32);
        e.Property(a => a.CreatedBy).HasMaxLength(200);
        e.Property(a => a.ApprovedBy).HasMaxLength(200);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasOne<AiSystemRecord>().WithMany().HasForeignKey(a => a.AiSystemId).OnDelete(DeleteBehavior.Restrict);
    }
}
