using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Catalogs;

internal sealed class ContentReleaseConfiguration : IEntityTypeConfiguration<ContentRelease>
{
    public void Configure(EntityTypeBuilder<ContentRelease> e)
    {
        e.HasKey(r => r.Version);
        e.Property(r => r.Version).HasMaxLength(64);
    }
}
