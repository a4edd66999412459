using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Catalogs;

internal sealed class CatalogMappingConfiguration : IEntityTypeConfiguration<CatalogMapping>
{
    public void Configure(EntityTypeBuilder<CatalogMapping> e)
    {
        e.HasIndex(m => new { m.SourceId, m.TargetId }).IsUnique();
    }
}
