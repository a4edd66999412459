using Harmonia.App.Features.AiSystems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Risks;

internal sealed class RiskAiSystemLinkConfiguration : IEntityTypeConfiguration<RiskAiSystemLink>
{
    public void Configure(EntityTypeBuilder<RiskAiSystemLink> e)
    {
        e.HasKey(l => new { l.RiskId, l.AiSystemId });
        // Cascade: a link row never outlives its AI system. DeleteAiSystem refuses while a risk names the system.
        e.HasOne<AiSystemRecord>().WithMany().HasForeignKey(l => l.AiSystemId).OnDelete(DeleteBehavior.Cascade);
    }
}
