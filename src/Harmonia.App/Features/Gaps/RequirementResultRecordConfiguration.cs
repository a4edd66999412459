using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Gaps;

internal sealed class RequirementResultRecordConfiguration : IEntityTypeConfiguration<RequirementResultRecord>
{
    public void Configure(EntityTypeBuilder<RequirementResultRecord> e)
    {
        e.HasIndex(r => new { r.OrganizationId, r.RequirementId }).IsUnique();
        e.Property(r => r.RequirementId).HasMaxLength(64);
        e.Property(r => r.Result).HasMaxLength(32);
        e.Property(r => r.Reason).HasMaxLength(2000);
    }
}
