using Harmonia.App.Features.Controls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.AiSystems;

internal sealed class AiEvidenceControlLinkConfiguration : IEntityTypeConfiguration<AiEvidenceControlLink>
{
    public void Configure(EntityTypeBuilder<AiEvidenceControlLink> e)
    {
        e.HasKey(l => new { l.AiEvidenceId, l.ControlId });
        // Cascade: deleting a control removes the claim that this result is evidence for it (the result itself stays).
        e.HasOne<ControlRecord>().WithMany().HasForeignKey(l => l.ControlId).OnDelete(DeleteBehavior.Cascade);
    }
}
