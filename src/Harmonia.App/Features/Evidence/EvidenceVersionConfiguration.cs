using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Evidence;

internal sealed class EvidenceVersionConfiguration : IEntityTypeConfiguration<EvidenceVersion>
{
    public void Configure(EntityTypeBuilder<EvidenceVersion> e)
    {
        e.HasIndex(v => new { v.EvidenceId, v.Number }).IsUnique();
        e.HasIndex(v => new { v.OrganizationId, v.ExpiresOn });
        e.Property(v => v.Kind).HasMaxLength(16);
        e.Property(v => v.FileName).HasMaxLength(200);
        e.Property(v => v.ContentType).HasMaxLength(100);
        e.Property(v => v.Sha256).HasMaxLength(64);
        e.Property(v => v.Url).HasMaxLength(2000);
        e.Property(v => v.Note).HasMaxLength(2000);
        e.Property(v => v.CreatedBy).HasMaxLength(200);
    }
}
