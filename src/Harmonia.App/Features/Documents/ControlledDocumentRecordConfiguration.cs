using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Documents;

internal sealed class ControlledDocumentRecordConfiguration : IEntityTypeConfiguration<ControlledDocumentRecord>
{
    public void Configure(EntityTypeBuilder<ControlledDocumentRecord> e)
    {
        e.HasIndex(d => new { d.OrganizationId, d.TemplateId }).IsUnique();
        e.Property(d => d.TemplateId).HasMaxLength(100);
        e.Property(d => d.Title).HasMaxLength(300);
        e.HasMany(d => d.Revisions).WithOne().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
