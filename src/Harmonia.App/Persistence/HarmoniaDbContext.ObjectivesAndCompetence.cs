using Harmonia.App.Features.Competence;
using Harmonia.App.Features.Objectives;
using Harmonia.App.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Persistence;

public abstract partial class HarmoniaDbContext
{
    public DbSet<ObjectiveRecord> Objectives => Set<ObjectiveRecord>();

    public DbSet<ObjectiveMeasurementRecord> ObjectiveMeasurements => Set<ObjectiveMeasurementRecord>();

    public DbSet<CompetenceRoleRecord> CompetenceRoles => Set<CompetenceRoleRecord>();

    public DbSet<PersonRecord> People => Set<PersonRecord>();

    public DbSet<CompetenceEvidenceRecord> CompetenceEvidence => Set<CompetenceEvidenceRecord>();

    public DbSet<CustomCompetenceRecord> CustomCompetences => Set<CustomCompetenceRecord>();

    private void ConfigureObjectivesAndCompetence(ModelBuilder builder)
    {
        builder.Entity<ObjectiveRecord>(e =>
        {
            e.HasIndex(o => new { o.OrganizationId, o.Key }).IsUnique();
            e.Property(o => o.Key).HasMaxLength(16);
            e.Property(o => o.Title).HasMaxLength(300);
            e.Property(o => o.System).HasConversion<string>().HasMaxLength(32);
            e.Property(o => o.Measure).HasMaxLength(2000);
            e.Property(o => o.Unit).HasMaxLength(32);
            e.Property(o => o.Direction).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.Owner).HasMaxLength(200);
            e.Property(o => o.Frequency).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, o => o.OrganizationId == TenantId);
        });

        builder.Entity<ObjectiveMeasurementRecord>(e =>
        {
            e.HasIndex(m => new { m.OrganizationId, m.ObjectiveId, m.MeasuredOn });
            e.Property(m => m.Note).HasMaxLength(2000);
            e.Property(m => m.RecordedBy).HasMaxLength(200);
            e.HasOne<ObjectiveRecord>().WithMany().HasForeignKey(m => m.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, m => m.OrganizationId == TenantId);
        });

        builder.Entity<CompetenceRoleRecord>(e =>
        {
            e.HasIndex(r => new { r.OrganizationId, r.Name }).IsUnique();
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Description).HasMaxLength(2000);
            e.Property(r => r.RequiredCompetences).HasMaxLength(2000);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, r => r.OrganizationId == TenantId);
        });

        builder.Entity<PersonRecord>(e =>
        {
            e.HasIndex(p => new { p.OrganizationId, p.Name });
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Email).HasMaxLength(320);
            e.Property(p => p.Roles).HasMaxLength(2000);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, p => p.OrganizationId == TenantId);
        });

        builder.Entity<CompetenceEvidenceRecord>(e =>
        {
            e.HasIndex(x => new { x.OrganizationId, x.PersonId });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.CompetenceKey).HasMaxLength(64);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Reference).HasMaxLength(500);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, x => x.OrganizationId == TenantId);
        });

        builder.Entity<CustomCompetenceRecord>(e =>
        {
            e.HasIndex(c => new { c.OrganizationId, c.Key }).IsUnique();
            e.Property(c => c.Key).HasMaxLength(64);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Area).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Description).HasMaxLength(1000);
            e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        });
    }
}
