using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Consistency;

internal sealed class ConsistencyAcknowledgementRecordConfiguration : IEntityTypeConfiguration<ConsistencyAcknowledgementRecord>
{
    public void Configure(EntityTypeBuilder<ConsistencyAcknowledgementRecord> e)
    {
        e.HasIndex(a => new { a.OrganizationId, a.FindingId, a.Fingerprint }).IsUnique();
        e.Property(a => a.FindingId).HasMaxLength(300);
        e.Property(a => a.Fingerprint).HasMaxLength(64);
        e.Property(a => a.Reason).HasMaxLength(2000);
        e.Property(a => a.AcknowledgedBy).HasMaxLength(200);
    }
}
