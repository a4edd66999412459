using Harmonia.App.Features.Controls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.AiSystems;

internal sealed class AiSystemControlLinkConfiguration : IEntityTypeConfiguration<AiSystemControlLink>
{
    public void Configure(EntityTypeBuilder<AiSystemControlLink> e)
    {
        e.HasKey(l => new { l.AiSystemId, l.ControlId });
        // Cascade: a link row never outlives its control. DeleteControl refuses while an AI system names the control.
        e.HasOne<ControlRecord>().WithMany().HasForeignKey(l => l.ControlId).OnDelete(DeleteBehavior.Cascade);
    }
}
