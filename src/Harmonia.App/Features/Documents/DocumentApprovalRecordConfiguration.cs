using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Documents;

internal sealed class DocumentApprovalRecordConfiguration : IEntityTypeConfiguration<DocumentApprovalRecord>
{
    public void Configure(EntityTypeBuilder<DocumentApprovalRecord> e)
    {
        e.HasIndex(a => new { a.RevisionId, a.Approver }).IsUnique();
        e.Property(a => a.Approver).HasMaxLength(200);
        e.Property(a => a.TopManagementApprover).HasMaxLength(420);
        e.HasOne<DocumentRevisionRecord>().WithMany().HasForeignKey(a => a.RevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
