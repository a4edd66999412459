using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Catalogs;

internal sealed class CatalogFrameworkConfiguration : IEntityTypeConfiguration<CatalogFramework>
{
    public void Configure(EntityTypeBuilder<CatalogFramework> e)
    {
        e.Property(f => f.Id).HasMaxLength(64);
    }
}
