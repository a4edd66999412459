using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Reviews;

internal sealed class ManagementReviewRecordConfiguration : IEntityTypeConfiguration<ManagementReviewRecord>
{
    public void Configure(EntityTypeBuilder<ManagementReviewRecord> e)
    {
        e.HasIndex(m => new { m.OrganizationId, m.HeldOn });
        e.Property(m => m.Attendees).HasMaxLength(1000);
        e.Property(m => m.TopManagementAttendeeIds).HasMaxLength(2000);
        e.Property(m => m.Decisions).HasMaxLength(8000);
        e.Property(m => m.RecordedBy).HasMaxLength(200);
        e.Property(m => m.ActionsJson).IsConcurrencyToken();
    }
}
