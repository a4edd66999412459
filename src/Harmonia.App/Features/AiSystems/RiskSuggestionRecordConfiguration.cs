using Harmonia.App.Features.Risks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.AiSystems;

internal sealed class RiskSuggestionRecordConfiguration : IEntityTypeConfiguration<RiskSuggestionRecord>
{
    public void Configure(EntityTypeBuilder<RiskSuggestionRecord> e)
    {
        e.HasIndex(s => new { s.OrganizationId, s.Status });
        e.Property(s => s.Title).HasMaxLength(300);
        e.Property(s => s.Category).HasMaxLength(32);
        e.Property(s => s.Detail).HasMaxLength(2000);
        e.Property(s => s.Status).HasMaxLength(16);
        e.Property(s => s.DecidedBy).HasMaxLength(200);
        e.HasOne<AiEvidenceRecord>().WithMany().HasForeignKey(s => s.AiEvidenceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Suppliers.SupplierQuestionnaireRecord>().WithMany().HasForeignKey(s => s.SupplierQuestionnaireId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<AiSystemRecord>().WithMany().HasForeignKey(s => s.AiSystemId).OnDelete(DeleteBehavior.Restrict);
        // SetNull: deleting the risk later keeps the record that the suggestion was accepted.
        e.HasOne<RiskRecord>().WithMany().HasForeignKey(s => s.RiskId).OnDelete(DeleteBehavior.SetNull);
    }
}
