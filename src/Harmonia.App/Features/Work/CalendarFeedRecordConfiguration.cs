using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Work;

internal sealed class CalendarFeedRecordConfiguration : IEntityTypeConfiguration<CalendarFeedRecord>
{
    public void Configure(EntityTypeBuilder<CalendarFeedRecord> e)
    {
        e.HasIndex(f => f.TokenHash).IsUnique();
        e.HasIndex(f => new { f.OrganizationId, f.UserId });
        e.Property(f => f.Prefix).HasMaxLength(16);
        e.Property(f => f.TokenHash).HasMaxLength(64);
        e.Property(f => f.CreatedBy).HasMaxLength(320);
        e.Property(f => f.RevokedBy).HasMaxLength(320);
    }
}
