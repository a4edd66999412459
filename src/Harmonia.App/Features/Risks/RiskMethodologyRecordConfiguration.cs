using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Risks;

internal sealed class RiskMethodologyRecordConfiguration : IEntityTypeConfiguration<RiskMethodologyRecord>
{
    public void Configure(EntityTypeBuilder<RiskMethodologyRecord> e)
    {
        e.HasIndex(m => new { m.OrganizationId, m.Version }).IsUnique();
        e.Property(m => m.CreatedBy).HasMaxLength(200);
    }
}
