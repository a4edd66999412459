using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.AiSystems;

internal sealed class AiConcernRecordConfiguration : IEntityTypeConfiguration<AiConcernRecord>
{
    public void Configure(EntityTypeBuilder<AiConcernRecord> e)
    {
        e.HasIndex(c => new { c.OrganizationId, c.Key }).IsUnique();
        e.HasIndex(c => new { c.OrganizationId, c.ReportedOn });
        e.Property(c => c.Key).HasMaxLength(32);
        e.Property(c => c.Kind).HasMaxLength(16);
        e.Property(c => c.Severity).HasMaxLength(16);
        e.Property(c => c.Description).HasMaxLength(4000);
        e.Property(c => c.ReportedBy).HasMaxLength(200);
        e.Property(c => c.Status).HasMaxLength(16);
        e.Property(c => c.Resolution).HasMaxLength(4000);
        e.Property(c => c.RecordedBy).HasMaxLength(200);
        e.Property(c => c.Version).IsConcurrencyToken();
        // Restrict: a concern is history; an AI system named by one is taken out of scope, not deleted.
        e.HasOne<AiSystemRecord>().WithMany().HasForeignKey(c => c.AiSystemId).OnDelete(DeleteBehavior.Restrict);
    }
}
