using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Evidence;

// Not unique by hash: two organizations may release the same bytes at the same moment, and neither may fail for it.
internal sealed class ReleasedEvidenceFileConfiguration : IEntityTypeConfiguration<ReleasedEvidenceFile>
{
    public void Configure(EntityTypeBuilder<ReleasedEvidenceFile> e)
    {
        e.Property(r => r.Sha256).HasMaxLength(64);
        e.HasIndex(r => r.Sha256);
        e.HasIndex(r => r.ReleasedUtc);
    }
}
