using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Work;

/// <summary>
/// The member who owns one record (a control, an AI system, a corrective action, ...). Risks and recurring activities
/// keep their owner's account on their own row, as before (ADR 0028). Audited: every reassignment is in the trail.
/// </summary>
public sealed class OwnerAssignmentRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>One of <see cref="OwnedSubjects"/>.</summary>
    public required string Subject { get; set; }

    /// <summary>The record's id; for an action inside a record, "record id:action id".</summary>
    public required string SubjectId { get; set; }

    public Guid UserId { get; set; }

    public DateTime AssignedUtc { get; set; }

    /// <summary>Who assigned it, or "matched from the owner text '…'" when the upgrade matched a free-text owner.</summary>
    public required string AssignedBy { get; set; }
}

internal sealed class OwnerAssignmentRecordConfiguration : IEntityTypeConfiguration<OwnerAssignmentRecord>
{
    public void Configure(EntityTypeBuilder<OwnerAssignmentRecord> e)
    {
        e.ToTable("OwnerAssignments");
        e.Property(a => a.Subject).HasMaxLength(40);
        e.Property(a => a.SubjectId).HasMaxLength(100);
        e.Property(a => a.AssignedBy).HasMaxLength(300);
        e.HasIndex(a => new { a.OrganizationId, a.Subject, a.SubjectId }).IsUnique();
        e.HasIndex(a => new { a.OrganizationId, a.UserId });
    }
}
