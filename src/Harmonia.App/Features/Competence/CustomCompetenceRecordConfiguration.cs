using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Competence;

internal sealed class CustomCompetenceRecordConfiguration : IEntityTypeConfiguration<CustomCompetenceRecord>
{
    public void Configure(EntityTypeBuilder<CustomCompetenceRecord> e)
    {
        e.HasIndex(c => new { c.OrganizationId, c.Key }).IsUnique();
        e.Property(c => c.Key).HasMaxLength(64);
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.Area).HasConversion<string>().HasMaxLength(32);
        e.Property(c => c.Description).HasMaxLength(1000);
    }
}
