using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Work;

internal sealed class NotificationRecordConfiguration : IEntityTypeConfiguration<NotificationRecord>
{
    public void Configure(EntityTypeBuilder<NotificationRecord> e)
    {
        e.ToTable("Notifications");
        e.HasIndex(n => new { n.OrganizationId, n.UserId, n.Key }).IsUnique();
        e.HasIndex(n => new { n.OrganizationId, n.UserId, n.ReadUtc });
        e.HasIndex(n => new { n.OrganizationId, n.Mail, n.MailNextAttemptUtc });
        e.Property(n => n.Kind).HasMaxLength(32);
        e.Property(n => n.Key).HasMaxLength(300);
        e.Property(n => n.Subject).HasMaxLength(300);
        e.Property(n => n.Text).HasMaxLength(20000);
        e.Property(n => n.Link).HasMaxLength(500);
        e.Property(n => n.Mail).HasConversion<string>().HasMaxLength(16);
        e.Property(n => n.MailLastError).HasMaxLength(1000);
    }
}
