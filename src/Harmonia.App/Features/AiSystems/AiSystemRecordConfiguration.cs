using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.AiSystems;

internal sealed class AiSystemRecordConfiguration : IEntityTypeConfiguration<AiSystemRecord>
{
    public void Configure(EntityTypeBuilder<AiSystemRecord> e)
    {
        e.HasIndex(a => new { a.OrganizationId, a.Key }).IsUnique();
        e.Property(a => a.Key).HasMaxLength(64);
        e.Property(a => a.Name).HasMaxLength(300);
        e.Property(a => a.AiRoles).HasMaxLength(400);
        e.Property(a => a.EuAiActRole).HasMaxLength(32);
        e.Property(a => a.LifecycleStage).HasMaxLength(32);
        e.Property(a => a.Supplier).HasMaxLength(300);
        e.Property(a => a.ModelType).HasMaxLength(300);
        e.Property(a => a.HumanOversight).HasMaxLength(32);
        e.Property(a => a.Autonomy).HasMaxLength(32);
        e.Property(a => a.AffectedPeople).HasMaxLength(1000);
        e.Property(a => a.PeriodOfUse).HasMaxLength(1000);
        e.Property(a => a.IntendedUse).HasMaxLength(2000);
        e.Property(a => a.ForeseeableMisuse).HasMaxLength(2000);
        e.Property(a => a.EuAiActClass).HasMaxLength(16);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasMany(a => a.ControlLinks).WithOne().HasForeignKey(l => l.AiSystemId).OnDelete(DeleteBehavior.Cascade);
    }
}
