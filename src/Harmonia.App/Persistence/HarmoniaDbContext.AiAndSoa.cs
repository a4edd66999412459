using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Features.Soa;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Persistence;

public abstract partial class HarmoniaDbContext
{
    private void ConfigureAiAndSoa(ModelBuilder builder)
    {
        builder.Entity<AiConcernRecord>(e =>
        {
            e.HasIndex(c => new { c.OrganizationId, c.Key }).IsUnique();
            e.HasIndex(c => new { c.OrganizationId, c.ReportedOn });
            e.Property(c => c.Key).HasMaxLength(32);
            e.Property(c => c.AiSystemKey).HasMaxLength(64);
            e.Property(c => c.Kind).HasMaxLength(16);
            e.Property(c => c.Severity).HasMaxLength(16);
            e.Property(c => c.Description).HasMaxLength(4000);
            e.Property(c => c.ReportedBy).HasMaxLength(200);
            e.Property(c => c.Status).HasMaxLength(16);
            e.Property(c => c.Resolution).HasMaxLength(4000);
            e.Property(c => c.RecordedBy).HasMaxLength(200);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        });

        builder.Entity<ImpactAssessmentRecord>(e =>
        {
            e.HasIndex(a => new { a.OrganizationId, a.AiSystemId, a.Number }).IsUnique();
            e.Property(a => a.Status).HasMaxLength(16);
            e.Property(a => a.Summary).HasMaxLength(4000);
            e.Property(a => a.ResidualAssessment).HasMaxLength(4000);
            e.Property(a => a.Decision).HasMaxLength(32);
            e.Property(a => a.CreatedBy).HasMaxLength(200);
            e.Property(a => a.ApprovedBy).HasMaxLength(200);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasOne<AiSystemRecord>().WithMany().HasForeignKey(a => a.AiSystemId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, a => a.OrganizationId == TenantId);
        });

        builder.Entity<AiEvidenceRecord>(e =>
        {
            e.HasIndex(a => new { a.OrganizationId, a.AiSystemKey, a.MeasuredOn });
            e.Property(a => a.AiSystemKey).HasMaxLength(64);
            e.Property(a => a.Kind).HasMaxLength(16);
            e.Property(a => a.Metric).HasMaxLength(300);
            e.Property(a => a.Subject).HasMaxLength(300);
            e.Property(a => a.Comparison).HasMaxLength(8);
            e.Property(a => a.DataSet).HasMaxLength(300);
            e.Property(a => a.Tool).HasMaxLength(200);
            e.Property(a => a.Controls).HasMaxLength(2000);
            e.Property(a => a.Location).HasMaxLength(2000);
            e.Property(a => a.RecordedBy).HasMaxLength(200);
            e.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, a => a.OrganizationId == TenantId);
        });

        builder.Entity<RiskSuggestionRecord>(e =>
        {
            e.HasIndex(s => new { s.OrganizationId, s.Status });
            e.Property(s => s.AiSystemKey).HasMaxLength(64);
            e.Property(s => s.Title).HasMaxLength(300);
            e.Property(s => s.Category).HasMaxLength(32);
            e.Property(s => s.Detail).HasMaxLength(2000);
            e.Property(s => s.Status).HasMaxLength(16);
            e.Property(s => s.RiskKey).HasMaxLength(64);
            e.Property(s => s.DecidedBy).HasMaxLength(200);
            e.HasOne<AiEvidenceRecord>().WithMany().HasForeignKey(s => s.AiEvidenceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, s => s.OrganizationId == TenantId);
        });

        builder.Entity<SoaVersionRecord>(e =>
        {
            e.HasIndex(s => new { s.OrganizationId, s.FrameworkId, s.Number }).IsUnique();
            e.Property(s => s.FrameworkId).HasMaxLength(64);
            e.Property(s => s.Status).HasMaxLength(16);
            e.Property(s => s.Note).HasMaxLength(2000);
            e.Property(s => s.CreatedBy).HasMaxLength(200);
            e.Property(s => s.ApprovedBy).HasMaxLength(200);
            e.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, s => s.OrganizationId == TenantId);
        });
    }
}
