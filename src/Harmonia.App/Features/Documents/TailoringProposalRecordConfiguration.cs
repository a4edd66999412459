using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Documents;

internal sealed class TailoringProposalRecordConfiguration : IEntityTypeConfiguration<TailoringProposalRecord>
{
    public void Configure(EntityTypeBuilder<TailoringProposalRecord> e)
    {
        e.HasIndex(t => new { t.OrganizationId, t.DocumentId, t.Status });
        e.Property(t => t.StatementId).HasMaxLength(200);
        e.Property(t => t.Status).HasMaxLength(16);
        e.Property(t => t.Refusal).HasMaxLength(1000);
        e.Property(t => t.RequestedBy).HasMaxLength(200);
        e.Property(t => t.DecidedBy).HasMaxLength(200);
        e.HasOne<ControlledDocumentRecord>().WithMany().HasForeignKey(t => t.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
