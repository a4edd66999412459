using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Catalogs;

internal sealed class OwnFrameworkRecordConfiguration : IEntityTypeConfiguration<OwnFrameworkRecord>
{
    public void Configure(EntityTypeBuilder<OwnFrameworkRecord> e)
    {
        e.HasIndex(f => new { f.OrganizationId, f.FrameworkId }).IsUnique();
        e.Property(f => f.FrameworkId).HasMaxLength(64);
        e.Property(f => f.Name).HasMaxLength(200);
        e.Property(f => f.Title).HasMaxLength(500);
        e.Property(f => f.Publisher).HasMaxLength(200);
        e.Property(f => f.SourceFormat).HasConversion<string>().HasMaxLength(16);
        e.Property(f => f.Source).HasMaxLength(500);
        e.Property(f => f.Licence).HasMaxLength(2000);
        e.Property(f => f.Version).HasMaxLength(100);
        e.Property(f => f.Sha256).HasMaxLength(64);
        e.HasMany(f => f.Requirements).WithOne().HasForeignKey(r => r.OwnFrameworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
