using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Work;

/// <summary>
/// One run of a scheduled job on one node, for the Owner's view of the schedule and for proving that a trigger fired
/// once across several nodes (the scheduled fire time is unique per job). Deployment-wide: it holds no organization's data.
/// </summary>
public sealed class ScheduledJobRunRecord
{
    public Guid Id { get; set; }

    public required string Job { get; set; }

    public DateTime ScheduledFireUtc { get; set; }

    public DateTime StartedUtc { get; set; }

    public DateTime? FinishedUtc { get; set; }

    public required string Node { get; set; }

    /// <summary>"succeeded", "failed" or "running".</summary>
    public required string Outcome { get; set; }

    /// <summary>What it did ("3 organizations, 12 reminders") or why it failed.</summary>
    public string? Summary { get; set; }
}

internal sealed class ScheduledJobRunRecordConfiguration : IEntityTypeConfiguration<ScheduledJobRunRecord>
{
    public void Configure(EntityTypeBuilder<ScheduledJobRunRecord> e)
    {
        e.ToTable("ScheduledJobRuns");
        e.HasIndex(r => new { r.Job, r.ScheduledFireUtc });
        e.HasIndex(r => r.StartedUtc);
        e.Property(r => r.Job).HasMaxLength(100);
        e.Property(r => r.Node).HasMaxLength(200);
        e.Property(r => r.Outcome).HasMaxLength(16);
        e.Property(r => r.Summary).HasMaxLength(2000);
    }
}
