using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.AiSystems;

internal sealed class RiskSuggestionRecordConfiguration : IEntityTypeConfiguration<RiskSuggestionRecord>
{
    public void Configure(EntityTypeBuilder<RiskSuggestionRecord> e)
    {
        e.HasIndex(s => new { s.OrganizationId, s.Status });
        e.Property(s => s.AiSystemKey).HasMaxLength(64);
        e.Property(s => s.Title).HasMaxLength(300);
        e.Property(s => s.Category).HasMaxLength(32);
        e.Property(s => s.Detail).HasMaxLength(2000);
        e.Property(s => s.Status).HasMaxLength(16);
        e.Property(s => s.RiskKey).HasMaxLength(64);
        e.Property(s => s.DecidedBy).HasMaxLength(200);
        e.HasOne<AiEvidenceRecord>().WithMany().HasForeignKey(s => s.AiEvidenceId).OnDelete(DeleteBehavior.Restrict);
    }
}
