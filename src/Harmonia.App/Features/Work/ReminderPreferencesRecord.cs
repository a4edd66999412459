using Harmonia.App.Persistence;
using Harmonia.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Work;

/// <summary>One person's reminder settings in one organization; a person without a row gets <see cref="ReminderPreferences.Default"/>.</summary>
public sealed class ReminderPreferencesRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public bool Assigned { get; set; }

    public bool DueSoon { get; set; }

    public int DueSoonDays { get; set; }

    public bool Overdue { get; set; }

    public bool WeeklyDigest { get; set; }

    public bool DigestOnly { get; set; }

    public ReminderPreferences ToPreferences() => new(Assigned, DueSoon, DueSoonDays, Overdue, WeeklyDigest, DigestOnly);
}

internal sealed class ReminderPreferencesRecordConfiguration : IEntityTypeConfiguration<ReminderPreferencesRecord>
{
    public void Configure(EntityTypeBuilder<ReminderPreferencesRecord> e)
    {
        e.ToTable("ReminderPreferences");
        e.HasIndex(p => new { p.OrganizationId, p.UserId }).IsUnique();
    }
}
