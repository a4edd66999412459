using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Interop;

/// <summary>
/// An organization's saved column mapping for one register's imports (header -> field, "" to leave a column out), so
/// the next file from the same source is matched without mapping again. A setting: changes reach the audit trail.
/// </summary>
public sealed class ImportMappingRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The register the mapping is for, e.g. "suppliers".</summary>
    public required string Register { get; set; }

    public required string Json { get; set; }
}

internal sealed class ImportMappingRecordConfiguration : IEntityTypeConfiguration<ImportMappingRecord>
{
    public void Configure(EntityTypeBuilder<ImportMappingRecord> e)
    {
        e.Property(m => m.Register).HasMaxLength(40);
        e.HasIndex(m => new { m.OrganizationId, m.Register }).IsUnique();
    }
}
