using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Certification;

internal sealed class EngagementRecordConfiguration : IEntityTypeConfiguration<EngagementRecord>
{
    public void Configure(EntityTypeBuilder<EngagementRecord> e)
    {
        e.HasIndex(x => new { x.OrganizationId, x.NormalizedAuditorEmail });
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.AuditorEmail).HasMaxLength(256);
        e.Property(x => x.NormalizedAuditorEmail).HasMaxLength(256);
        e.Property(x => x.Standards).HasMaxLength(100);
        e.Property(x => x.RequirementIds).HasMaxLength(4000);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class EvidenceRequestRecordConfiguration : IEntityTypeConfiguration<EvidenceRequestRecord>
{
    public void Configure(EntityTypeBuilder<EvidenceRequestRecord> e)
    {
        e.HasIndex(x => new { x.OrganizationId, x.EngagementId, x.Number }).IsUnique();
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.State).HasMaxLength(16);
        e.Property(x => x.Answer).HasMaxLength(2000);
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<EngagementRecord>().WithMany().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<EvidenceRecord>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EngagementSampleRecordConfiguration : IEntityTypeConfiguration<EngagementSampleRecord>
{
    public void Configure(EntityTypeBuilder<EngagementSampleRecord> e)
    {
        e.HasIndex(x => new { x.OrganizationId, x.EngagementId });
        e.Property(x => x.Population).HasMaxLength(32);
        e.Property(x => x.PopulationFingerprint).HasMaxLength(64);
        e.Property(x => x.Method).HasMaxLength(300);
        e.HasOne<EngagementRecord>().WithMany().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EngagementFindingRecordConfiguration : IEntityTypeConfiguration<EngagementFindingRecord>
{
    public void Configure(EntityTypeBuilder<EngagementFindingRecord> e)
    {
        e.HasIndex(x => new { x.OrganizationId, x.EngagementId });
        e.Property(x => x.Grade).HasMaxLength(32);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.Property(x => x.RequirementIds).HasMaxLength(400);
        e.HasOne<EngagementRecord>().WithMany().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<NonconformityRecord>().WithMany().HasForeignKey(x => x.NonconformityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EngagementAccessRecordConfiguration : IEntityTypeConfiguration<EngagementAccessRecord>
{
    public void Configure(EntityTypeBuilder<EngagementAccessRecord> e)
    {
        e.HasIndex(x => new { x.OrganizationId, x.EngagementId });
        e.Property(x => x.What).HasMaxLength(200);
        e.HasOne<EngagementRecord>().WithMany().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Restrict);
    }
}
