using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Documents;

internal sealed class DocumentRevisionRecordConfiguration : IEntityTypeConfiguration<DocumentRevisionRecord>
{
    public void Configure(EntityTypeBuilder<DocumentRevisionRecord> e)
    {
        e.HasIndex(r => new { r.DocumentId, r.Number }).IsUnique();
        e.Property(r => r.Label).HasMaxLength(16);
        e.Property(r => r.Status).HasMaxLength(16);
        e.Property(r => r.Change).HasMaxLength(16);
        e.Property(r => r.ContentVersion).HasMaxLength(64);
        e.Property(r => r.ContentSha256).HasMaxLength(64);
        e.Property(r => r.DocxSha256).HasMaxLength(64);
        e.Property(r => r.PdfSha256).HasMaxLength(64);
        e.Property(r => r.MissingAnswers).HasMaxLength(4000);
        e.Property(r => r.Author).HasMaxLength(200);
        e.Property(r => r.ApprovedBy).HasMaxLength(200);
    }
}
