using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Interop;

/// <summary>
/// A file uploaded in the browser and waiting while its person checks the column mapping and the preview. Kept in the
/// database, not in a node's memory, so any web node can continue the import; it is nothing the organization decided
/// yet, so it is not part of the audit trail (the import's changes are). Swept after a day.
/// </summary>
public sealed class PendingImport : IOrganizationRow
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string UserName { get; set; }

    public required string Register { get; set; }

    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>The column mapping the person chose on the preview so far (JSON, header to field), or null for the automatic one.</summary>
    public string? MappingJson { get; set; }

    public bool DeleteMissing { get; set; }

    public DateTime CreatedUtc { get; set; }
}

internal sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> e)
    {
        e.Property(p => p.UserName).HasMaxLength(256);
        e.Property(p => p.Register).HasMaxLength(40);
        e.Property(p => p.FileName).HasMaxLength(260);
        e.HasIndex(p => p.CreatedUtc);
    }
}
