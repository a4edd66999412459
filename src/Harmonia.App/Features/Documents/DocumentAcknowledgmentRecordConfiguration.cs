using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Documents;

internal sealed class DocumentAcknowledgmentRecordConfiguration : IEntityTypeConfiguration<DocumentAcknowledgmentRecord>
{
    public void Configure(EntityTypeBuilder<DocumentAcknowledgmentRecord> e)
    {
        e.HasIndex(a => new { a.RevisionId, a.UserId }).IsUnique();
        e.Property(a => a.UserName).HasMaxLength(256);
        e.HasOne<DocumentRevisionRecord>().WithMany().HasForeignKey(a => a.RevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
