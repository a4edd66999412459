using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Controls;

internal sealed class ControlRequirementLinkConfiguration : IEntityTypeConfiguration<ControlRequirementLink>
{
    public void Configure(EntityTypeBuilder<ControlRequirementLink> e)
    {
        e.HasIndex(l => new { l.ControlId, l.RequirementId }).IsUnique();
        e.HasIndex(l => new { l.OrganizationId, l.RequirementId });
        e.Property(l => l.RequirementId).HasMaxLength(64);
    }
}
