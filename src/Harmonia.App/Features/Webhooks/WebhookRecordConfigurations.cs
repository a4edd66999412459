using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Webhooks;

internal sealed class WebhookEndpointRecordConfiguration : IEntityTypeConfiguration<WebhookEndpointRecord>
{
    public void Configure(EntityTypeBuilder<WebhookEndpointRecord> e)
    {
        e.ToTable("WebhookEndpoints");
        e.HasIndex(w => w.OrganizationId);
        e.Property(w => w.Url).HasMaxLength(2000);
        e.Property(w => w.Description).HasMaxLength(200);
        e.Property(w => w.EventTypes).HasMaxLength(4000);
        e.Property(w => w.ProtectedSecret).HasMaxLength(1000);
        e.Property(w => w.CreatedBy).HasMaxLength(320);
        e.Property(w => w.SwitchedOffReason).HasMaxLength(600);
        e.Property(w => w.LastSentByHand).HasMaxLength(600);
        e.Ignore(w => w.Subscribed);
    }
}

internal sealed class WebhookDeliveryRecordConfiguration : IEntityTypeConfiguration<WebhookDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryRecord> e)
    {
        e.ToTable("WebhookDeliveries");
        e.HasIndex(d => new { d.EndpointId, d.DedupKey }).IsUnique();
        e.HasIndex(d => new { d.Status, d.NextAttemptUtc });
        e.HasIndex(d => new { d.OrganizationId, d.CreatedUtc });
        e.HasOne<WebhookEndpointRecord>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        e.Property(d => d.MessageId).HasMaxLength(40);
        e.Property(d => d.EventType).HasMaxLength(60);
        e.Property(d => d.DedupKey).HasMaxLength(200);
        e.Property(d => d.Status).HasMaxLength(20);
        e.Property(d => d.LastOutcome).HasMaxLength(1000);
    }
}

internal sealed class WebhookFeedStateRecordConfiguration : IEntityTypeConfiguration<WebhookFeedStateRecord>
{
    public void Configure(EntityTypeBuilder<WebhookFeedStateRecord> e)
    {
        e.ToTable("WebhookFeedStates");
        e.HasIndex(s => s.OrganizationId).IsUnique();
        e.Property(s => s.DispatchedSequence).IsConcurrencyToken();
        e.Property(s => s.ReadinessFingerprint).HasMaxLength(4000);
    }
}
