using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Risks;

internal sealed class RiskRecordConfiguration : IEntityTypeConfiguration<RiskRecord>
{
    public void Configure(EntityTypeBuilder<RiskRecord> e)
    {
        e.HasIndex(r => new { r.OrganizationId, r.Key }).IsUnique();

        // The risks a member owns (their next steps on every dashboard visit, their due work): without it, a read of
        // every risk of the organization (5,000 at ten times today's data).
        e.HasIndex(r => new { r.OrganizationId, r.OwnerUserId });
        e.Property(r => r.Key).HasMaxLength(64);
        e.Property(r => r.Title).HasMaxLength(300);
        e.Property(r => r.Description).HasMaxLength(4000);
        e.Property(r => r.Categories).HasMaxLength(400);
        e.Property(r => r.RiskSources).HasMaxLength(1000);
        e.Property(r => r.Assets).HasMaxLength(1000);
        e.Property(r => r.Treatment).HasMaxLength(16);
        e.Property(r => r.Owner).HasMaxLength(200);
        e.Property(r => r.AcceptedBy).HasMaxLength(200);
        e.Property(r => r.AssessedBy).HasMaxLength(200);
        e.Property(r => r.TreatmentApprovedBy).HasMaxLength(200);
        e.Property(r => r.TopManagementApprovedBy).HasMaxLength(420);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasMany(r => r.ControlLinks).WithOne().HasForeignKey(l => l.RiskId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.AiSystemLinks).WithOne().HasForeignKey(l => l.RiskId).OnDelete(DeleteBehavior.Cascade);
    }
}
