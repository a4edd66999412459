using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Objectives;

internal sealed class ObjectiveRecordConfiguration : IEntityTypeConfiguration<ObjectiveRecord>
{
    public void Configure(EntityTypeBuilder<ObjectiveRecord> e)
    {
        e.HasIndex(o => new { o.OrganizationId, o.Key }).IsUnique();
        e.Property(o => o.Key).HasMaxLength(16);
        e.Property(o => o.Title).HasMaxLength(300);
        e.Property(o => o.System).HasConversion<string>().HasMaxLength(32);
        e.Property(o => o.Measure).HasMaxLength(2000);
        e.Property(o => o.Unit).HasMaxLength(32);
        e.Property(o => o.Direction).HasConversion<string>().HasMaxLength(16);
        e.Property(o => o.Owner).HasMaxLength(200);
        e.Property(o => o.Frequency).HasConversion<string>().HasMaxLength(16);
        e.Property(o => o.Version).IsConcurrencyToken();
    }
}
