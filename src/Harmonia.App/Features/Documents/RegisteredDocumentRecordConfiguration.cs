using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Documents;

internal sealed class RegisteredDocumentRecordConfiguration : IEntityTypeConfiguration<RegisteredDocumentRecord>
{
    public void Configure(EntityTypeBuilder<RegisteredDocumentRecord> e)
    {
        e.Property(r => r.Title).HasMaxLength(300);
        e.Property(r => r.Version).HasMaxLength(32);
        e.Property(r => r.Owner).HasMaxLength(200);
        e.Property(r => r.RequirementIds).HasMaxLength(4000);
        e.Property(r => r.FileName).HasMaxLength(200);
        e.Property(r => r.ContentType).HasMaxLength(100);
        e.Property(r => r.Sha256).HasMaxLength(64);
        e.Property(r => r.RegisteredBy).HasMaxLength(200);
    }
}
