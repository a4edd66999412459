using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Search;

internal sealed class SearchIndexStateRecordConfiguration : IEntityTypeConfiguration<SearchIndexStateRecord>
{
    public void Configure(EntityTypeBuilder<SearchIndexStateRecord> e)
    {
        e.ToTable("SearchIndexStates");
        e.HasIndex(s => s.OrganizationId).IsUnique();
        e.Property(s => s.IndexedSequence).IsConcurrencyToken();
    }
}
