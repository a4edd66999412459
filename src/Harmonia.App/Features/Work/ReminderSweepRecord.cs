using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Work;

/// <summary>When the reminder sweep first and last looked at an organization (the first sweep only records what exists).</summary>
public sealed class ReminderSweepRecord : IOrganizationRow
{
    public Guid OrganizationId { get; set; }

    public DateTime FirstSweptUtc { get; set; }

    public DateTime LastSweptUtc { get; set; }

    /// <summary>When free-text owners were matched to members (once, at the first sweep after the upgrade).</summary>
    public DateTime? OwnersMatchedUtc { get; set; }
}

internal sealed class ReminderSweepRecordConfiguration : IEntityTypeConfiguration<ReminderSweepRecord>
{
    public void Configure(EntityTypeBuilder<ReminderSweepRecord> e)
    {
        e.ToTable("ReminderSweeps");
        e.HasKey(s => s.OrganizationId);
    }
}
