using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Catalogs;

internal sealed class CatalogRequirementConfiguration : IEntityTypeConfiguration<CatalogRequirement>
{
    public void Configure(EntityTypeBuilder<CatalogRequirement> e)
    {
        e.Property(r => r.Id).HasMaxLength(64);
        e.Property(r => r.FrameworkId).HasMaxLength(64);
        e.HasIndex(r => new { r.FrameworkId, r.SortOrder });
    }
}
