using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Work;

/// <summary>
/// Something the organization does on a rhythm (ISO/IEC 27001 and 42001 both expect controls that operate periodically and
/// reviews at planned intervals): a quarterly access review, a yearly policy review, a monthly measurement. Each
/// occurrence of its RFC 5545 rule becomes due work until it is done: for a control, by evidence of that control dated
/// in the occurrence's period; for the others, by recording it done.
/// </summary>
public sealed class RecurringActivityRecord : ISequentialKey
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>RA-1, RA-2, ... numbered when saved.</summary>
    public string Key { get; set; } = string.Empty;

    public string KeyPrefix => "RA-";

    public void AssignKey(string key) => Key = key;

    public required string Title { get; set; }

    /// <summary>control, review, measurement or internal-audit.</summary>
    public required string Kind { get; set; }

    /// <summary>For a control activity the control it operates; kept by id so a renamed key still points at it.</summary>
    public Guid? ControlId { get; set; }

    /// <summary>The RFC 5545 RRULE, e.g. FREQ=MONTHLY;INTERVAL=3.</summary>
    public required string Rule { get; set; }

    public DateOnly StartsOn { get; set; }

    public string? Owner { get; set; }

    public Guid? OwnerUserId { get; set; }

    /// <summary>Occurrences recorded done: JSON list of {on, by, note, recordedUtc}.</summary>
    public string CompletedJson { get; set; } = "[]";

    public int Version { get; set; } = 1;
}

internal sealed class RecurringActivityRecordConfiguration : IEntityTypeConfiguration<RecurringActivityRecord>
{
    public void Configure(EntityTypeBuilder<RecurringActivityRecord> e)
    {
        e.HasIndex(r => new { r.OrganizationId, r.Key }).IsUnique();
        e.Property(r => r.Key).HasMaxLength(64);
        e.Property(r => r.Title).HasMaxLength(200);
        e.Property(r => r.Kind).HasMaxLength(20);
        e.Property(r => r.Rule).HasMaxLength(300);
        e.Property(r => r.Owner).HasMaxLength(200);
        e.Property(r => r.Version).IsConcurrencyToken();
    }
}
