using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Search;

/// <summary>
/// The full-text index itself is not in the model: the migration adds an FTS5 table with triggers on SQLite and a GIN
/// expression index on PostgreSQL (ADR 0030); both read <see cref="SearchEntryRecord.Terms"/>.
/// </summary>
internal sealed class SearchEntryRecordConfiguration : IEntityTypeConfiguration<SearchEntryRecord>
{
    public void Configure(EntityTypeBuilder<SearchEntryRecord> e)
    {
        e.ToTable("SearchEntries");
        e.HasIndex(s => new { s.OrganizationId, s.Kind, s.RecordId }).IsUnique();
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(s => s.Key).HasMaxLength(32);
        e.Property(s => s.Title).HasMaxLength(SearchText.TitleLength);
        e.Property(s => s.Body).HasMaxLength(SearchText.BodyLength);
        e.Property(s => s.Terms).HasMaxLength(SearchText.TermsLength);
    }
}
