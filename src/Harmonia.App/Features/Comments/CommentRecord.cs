using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Comments;

/// <summary>
/// One comment in the thread of a record (a control, risk, AI system, document, nonconformity, audit, supplier or piece
/// of evidence). An organization record, so every addition, edit and deletion is in the audit trail with the text
/// before and after; a deleted comment keeps its place in the thread as "deleted".
/// </summary>
public sealed class CommentRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>What kind of record the thread belongs to (<see cref="CommentTargets"/>).</summary>
    public required string RecordType { get; set; }

    public Guid RecordId { get; set; }

    public Guid AuthorId { get; set; }

    public required string Author { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? EditedUtc { get; set; }

    public DateTime? DeletedUtc { get; set; }

    public string? DeletedBy { get; set; }

    public int Version { get; set; } = 1;
}

internal sealed class CommentRecordConfiguration : IEntityTypeConfiguration<CommentRecord>
{
    public void Configure(EntityTypeBuilder<CommentRecord> e)
    {
        e.ToTable("Comments");
        e.HasIndex(c => new { c.OrganizationId, c.RecordType, c.RecordId, c.CreatedUtc });
        e.Property(c => c.RecordType).HasMaxLength(32);
        e.Property(c => c.Author).HasMaxLength(320);
        e.Property(c => c.Body).HasMaxLength(CommentRules.MaxBodyLength);
        e.Property(c => c.DeletedBy).HasMaxLength(320);
        e.Property(c => c.Version).IsConcurrencyToken();
    }
}
