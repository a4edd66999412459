using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Features.Readiness;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Persistence;

public abstract partial class HarmoniaDbContext
{
    public DbSet<AuditRecord> Audits => Set<AuditRecord>();

    public DbSet<AuditResultRecord> AuditResults => Set<AuditResultRecord>();

    public DbSet<NonconformityRecord> Nonconformities => Set<NonconformityRecord>();

    public DbSet<ManagementReviewRecord> ManagementReviews => Set<ManagementReviewRecord>();

    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    private void ConfigureAudits(ModelBuilder builder)
    {
        builder.Entity<AuditRecord>(e =>
        {
            e.HasIndex(a => new { a.OrganizationId, a.Key }).IsUnique();
            e.Property(a => a.Key).HasMaxLength(64);
            e.Property(a => a.Title).HasMaxLength(300);
            e.Property(a => a.Criteria).HasMaxLength(2000);
            e.Property(a => a.Auditors).HasMaxLength(1000);
            e.Property(a => a.Status).HasMaxLength(16);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, a => a.OrganizationId == TenantId);
        });

        builder.Entity<AuditResultRecord>(e =>
        {
            e.HasIndex(r => new { r.OrganizationId, r.AuditId, r.ItemKey }).IsUnique();
            e.Property(r => r.ItemKey).HasMaxLength(100);
            e.Property(r => r.RequirementIds).HasMaxLength(400);
            e.Property(r => r.Grade).HasMaxLength(32);
            e.Property(r => r.Note).HasMaxLength(4000);
            e.Property(r => r.Sampled).HasMaxLength(2000);
            e.Property(r => r.RecordedBy).HasMaxLength(200);
            e.HasOne<AuditRecord>().WithMany().HasForeignKey(r => r.AuditId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, r => r.OrganizationId == TenantId);
        });

        builder.Entity<NonconformityRecord>(e =>
        {
            e.HasIndex(n => new { n.OrganizationId, n.Key }).IsUnique();
            e.HasIndex(n => new { n.OrganizationId, n.State });
            e.Property(n => n.Key).HasMaxLength(32);
            e.Property(n => n.Grade).HasMaxLength(32);
            e.Property(n => n.State).HasMaxLength(32);
            e.Property(n => n.RequirementIds).HasMaxLength(400);
            e.Property(n => n.Version).IsConcurrencyToken();
            e.HasOne<AuditRecord>().WithMany().HasForeignKey(n => n.AuditId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, n => n.OrganizationId == TenantId);
        });

        builder.Entity<SigningKeyRecord>(e =>
        {
            e.HasIndex(k => k.OrganizationId).IsUnique();
            e.Property(k => k.PublicKey).HasMaxLength(400);
            e.Property(k => k.ProtectedPrivateKey).HasMaxLength(2000);
            e.HasOne<Organization>().WithMany().HasForeignKey(k => k.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, k => k.OrganizationId == TenantId);
        });

        builder.Entity<ManagementReviewRecord>(e =>
        {
            e.HasIndex(m => new { m.OrganizationId, m.HeldOn });
            e.Property(m => m.Attendees).HasMaxLength(1000);
            e.Property(m => m.Decisions).HasMaxLength(8000);
            e.Property(m => m.RecordedBy).HasMaxLength(200);
            e.Property(m => m.ActionsJson).IsConcurrencyToken();
            e.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, m => m.OrganizationId == TenantId);
        });
    }
}
