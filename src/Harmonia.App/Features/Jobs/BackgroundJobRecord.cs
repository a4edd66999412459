using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Jobs;

public static class BackgroundJobStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}

/// <summary>
/// Work a person asked for that takes longer than a page should wait (the policy pack, publishing many documents).
/// The row is the queue: any web node's worker claims a queued row with one conditional update, so a job runs once
/// even with several nodes, and a node that stops mid-job leaves a row another node takes over (ADR 0032).
/// </summary>
public sealed class BackgroundJobRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>Which work runs it (<see cref="IBackgroundJobWork.Kind"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>The words the progress page shows, e.g. "Publish 30 documents".</summary>
    public required string Title { get; set; }

    /// <summary>What the work needs, as the work wrote it (JSON); never shown.</summary>
    public required string Input { get; set; }

    public string Status { get; set; } = BackgroundJobStatuses.Queued;

    public int Total { get; set; }

    public int Completed { get; set; }

    /// <summary>The actor as the audit trail records it: the work runs as this person, so every change it makes is theirs.</summary>
    public required string RequestedBy { get; set; }

    public DateTime RequestedUtc { get; set; }

    public DateTime? StartedUtc { get; set; }

    public DateTime? FinishedUtc { get; set; }

    /// <summary>When the running node last reported; a running job silent for long is taken over.</summary>
    public DateTime? HeartbeatUtc { get; set; }

    public int Attempts { get; set; }

    public string? ClaimedBy { get; set; }

    /// <summary>The sentence the person reads at the end ("28 of 30 documents published; not done: ...").</summary>
    public string? Outcome { get; set; }

    public string? ResultSha256 { get; set; }

    public string? ResultFileName { get; set; }

    public string? ResultContentType { get; set; }
}

internal sealed class BackgroundJobRecordConfiguration : IEntityTypeConfiguration<BackgroundJobRecord>
{
    public void Configure(EntityTypeBuilder<BackgroundJobRecord> e)
    {
        e.ToTable("BackgroundJobs");
        e.Property(j => j.Kind).HasMaxLength(64);
        e.Property(j => j.Title).HasMaxLength(300);
        e.Property(j => j.Input).HasMaxLength(20_000);
        e.Property(j => j.Status).HasMaxLength(16);
        e.Property(j => j.RequestedBy).HasMaxLength(300);
        e.Property(j => j.ClaimedBy).HasMaxLength(200);
        e.Property(j => j.Outcome).HasMaxLength(4000);
        e.Property(j => j.ResultSha256).HasMaxLength(64);
        e.Property(j => j.ResultFileName).HasMaxLength(200);
        e.Property(j => j.ResultContentType).HasMaxLength(100);
        e.HasIndex(j => new { j.Status, j.RequestedUtc });
    }
}
