using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Objectives;

internal sealed class ObjectiveMeasurementRecordConfiguration : IEntityTypeConfiguration<ObjectiveMeasurementRecord>
{
    public void Configure(EntityTypeBuilder<ObjectiveMeasurementRecord> e)
    {
        e.HasIndex(m => new { m.OrganizationId, m.ObjectiveId, m.MeasuredOn });
        e.Property(m => m.Note).HasMaxLength(2000);
        e.Property(m => m.RecordedBy).HasMaxLength(200);
        e.HasOne<ObjectiveRecord>().WithMany().HasForeignKey(m => m.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
    }
}
