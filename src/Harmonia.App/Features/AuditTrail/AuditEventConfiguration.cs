using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.AuditTrail;

// The audit trail has no foreign keys at all: nothing can cascade into it, and it outlives what it records.
internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.HasIndex(a => new { a.OrganizationId, a.Sequence }).IsUnique();
        e.Property(a => a.Actor).HasMaxLength(200);
        e.Property(a => a.EntityType).HasMaxLength(100);
        e.Property(a => a.EntityId).HasMaxLength(100);
        e.Property(a => a.Action).HasMaxLength(16);
        e.Property(a => a.PreviousHash).HasMaxLength(64);
        e.Property(a => a.Hash).HasMaxLength(64);
    }
}
