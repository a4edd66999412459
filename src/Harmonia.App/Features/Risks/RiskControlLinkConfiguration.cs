using Harmonia.App.Features.Controls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Risks;

internal sealed class RiskControlLinkConfiguration : IEntityTypeConfiguration<RiskControlLink>
{
    public void Configure(EntityTypeBuilder<RiskControlLink> e)
    {
        e.HasKey(l => new { l.RiskId, l.ControlId });
        // Cascade: a link row never outlives its control. DeleteControl refuses while a risk names the control, so
        // only an organization import (the file is authoritative) removes such links, and its audit trail shows it.
        e.HasOne<ControlRecord>().WithMany().HasForeignKey(l => l.ControlId).OnDelete(DeleteBehavior.Cascade);
    }
}
