using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Features.Catalogs;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Features.Risks;
using Harmonia.App.Features.Soa;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Persistence;

/// <summary>
/// The one model for both providers. Organization-scoped rows are filtered by the named query filter
/// <see cref="TenantFilter"/> to <see cref="TenantScope.OrganizationId"/>, and every change to them is appended to
/// the organization's audit trail inside the same SaveChanges (see <see cref="AuditTrailWriter"/>).
/// </summary>
public abstract partial class HarmoniaDbContext : IdentityUserContext<HarmoniaUser, Guid>, IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";

    private readonly TenantScope _tenant;
    private readonly AuditTrailWriter _auditTrail;

    protected HarmoniaDbContext(DbContextOptions options, TenantScope tenant, AuditActor actor, TimeProvider time)
        : base(options)
    {
        _tenant = tenant;
        _auditTrail = new AuditTrailWriter(this, actor, time);
    }

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<ControlRecord> Controls => Set<ControlRecord>();

    public DbSet<ControlRequirementLink> ControlRequirements => Set<ControlRequirementLink>();

    public DbSet<EvidenceRecord> Evidence => Set<EvidenceRecord>();

    public DbSet<EvidenceVersion> EvidenceVersions => Set<EvidenceVersion>();

    public DbSet<RequirementResultRecord> RequirementResults => Set<RequirementResultRecord>();

    public DbSet<AiSystemRecord> AiSystems => Set<AiSystemRecord>();

    public DbSet<CertificationRecord> Certifications => Set<CertificationRecord>();

    public DbSet<AnswerSetRecord> AnswerSets => Set<AnswerSetRecord>();

    public DbSet<ControlledDocumentRecord> Documents => Set<ControlledDocumentRecord>();

    public DbSet<DocumentRevisionRecord> DocumentRevisions => Set<DocumentRevisionRecord>();

    public DbSet<DocumentAcknowledgmentRecord> DocumentAcknowledgments => Set<DocumentAcknowledgmentRecord>();

    public DbSet<TailoringProposalRecord> TailoringProposals => Set<TailoringProposalRecord>();

    public DbSet<RegisteredDocumentRecord> RegisteredDocuments => Set<RegisteredDocumentRecord>();

    public DbSet<DocumentApprovalRecord> DocumentApprovals => Set<DocumentApprovalRecord>();

    public DbSet<RiskMethodologyRecord> RiskMethodologies => Set<RiskMethodologyRecord>();

    public DbSet<RiskRecord> Risks => Set<RiskRecord>();

    public DbSet<ImpactAssessmentRecord> ImpactAssessments => Set<ImpactAssessmentRecord>();

    public DbSet<AiEvidenceRecord> AiEvidence => Set<AiEvidenceRecord>();

    public DbSet<AiConcernRecord> AiConcerns => Set<AiConcernRecord>();

    public DbSet<RiskSuggestionRecord> RiskSuggestions => Set<RiskSuggestionRecord>();

    public DbSet<SoaVersionRecord> SoaVersions => Set<SoaVersionRecord>();

    /// <summary>ASP.NET Core data-protection keys (cookies, antiforgery), shared by every web node on the same database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<PersonalAccessToken> AccessTokens => Set<PersonalAccessToken>();

    public DbSet<ContentRelease> ContentReleases => Set<ContentRelease>();

    public DbSet<CatalogFramework> CatalogFrameworks => Set<CatalogFramework>();

    public DbSet<CatalogRequirement> CatalogRequirements => Set<CatalogRequirement>();

    public DbSet<CatalogMapping> CatalogMappings => Set<CatalogMapping>();

    /// <summary>The organization this context works for; Guid.Empty (no rows) when none is set.</summary>
    public Guid TenantId => _tenant.OrganizationId ?? Guid.Empty;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        _auditTrail.BeforeSave(_tenant.OrganizationId);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        _auditTrail.BeforeSave(_tenant.OrganizationId);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<HarmoniaUser>(e => e.Property(u => u.DisplayName).HasMaxLength(200));
        builder.Entity<Membership>(e =>
        {
            e.HasIndex(m => new { m.OrganizationId, m.UserId }).IsUnique();
            e.HasIndex(m => m.UserId);
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<HarmoniaUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PersonalAccessToken>(e =>
        {
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<HarmoniaUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Organization>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Sector).HasMaxLength(200);
            e.Property(o => o.Locations).HasMaxLength(2000);
        });

        builder.Entity<ControlRecord>(e =>
        {
            e.HasIndex(c => new { c.OrganizationId, c.Key }).IsUnique();
            e.Property(c => c.Key).HasMaxLength(64);
            e.Property(c => c.Name).HasMaxLength(300);
            e.Property(c => c.Owner).HasMaxLength(200);
            e.Property(c => c.Status).HasMaxLength(32);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Requirements).WithOne().HasForeignKey(r => r.ControlId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Evidence).WithOne().HasForeignKey(r => r.ControlId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ControlRequirementLink>(e =>
        {
            e.HasIndex(l => new { l.ControlId, l.RequirementId }).IsUnique();
            e.HasIndex(l => new { l.OrganizationId, l.RequirementId });
            e.Property(l => l.RequirementId).HasMaxLength(64);
        });

        // The table keeps its first name so the migration that introduced versions could carry existing rows over.
        builder.Entity<EvidenceRecord>(e =>
        {
            e.ToTable("ControlEvidence");
            e.Property(r => r.Title).HasMaxLength(500);
            e.HasIndex(r => new { r.OrganizationId, r.ControlId });
            e.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EvidenceVersion>(e =>
        {
            e.HasIndex(v => new { v.EvidenceId, v.Number }).IsUnique();
            e.HasIndex(v => new { v.OrganizationId, v.ExpiresOn });
            e.Property(v => v.Kind).HasMaxLength(16);
            e.Property(v => v.FileName).HasMaxLength(200);
            e.Property(v => v.ContentType).HasMaxLength(100);
            e.Property(v => v.Sha256).HasMaxLength(64);
            e.Property(v => v.Url).HasMaxLength(2000);
            e.Property(v => v.Note).HasMaxLength(2000);
            e.Property(v => v.CreatedBy).HasMaxLength(200);
        });

        builder.Entity<RequirementResultRecord>(e =>
        {
            e.HasIndex(r => new { r.OrganizationId, r.RequirementId }).IsUnique();
            e.Property(r => r.RequirementId).HasMaxLength(64);
            e.Property(r => r.Result).HasMaxLength(32);
            e.Property(r => r.Reason).HasMaxLength(2000);
            e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CertificationRecord>(e =>
        {
            e.HasIndex(c => new { c.OrganizationId, c.FrameworkId }).IsUnique();
            e.Property(c => c.FrameworkId).HasMaxLength(64);
            e.Property(c => c.CertificationBody).HasMaxLength(200);
            e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AnswerSetRecord>(e =>
        {
            e.HasIndex(a => new { a.OrganizationId, a.Version }).IsUnique();
            e.Property(a => a.CreatedBy).HasMaxLength(200);
            e.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ControlledDocumentRecord>(e =>
        {
            e.HasIndex(d => new { d.OrganizationId, d.TemplateId }).IsUnique();
            e.Property(d => d.TemplateId).HasMaxLength(100);
            e.Property(d => d.Title).HasMaxLength(300);
            e.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(d => d.Revisions).WithOne().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DocumentRevisionRecord>(e =>
        {
            e.HasIndex(r => new { r.DocumentId, r.Number }).IsUnique();
            e.Property(r => r.Label).HasMaxLength(16);
            e.Property(r => r.Status).HasMaxLength(16);
            e.Property(r => r.Change).HasMaxLength(16);
            e.Property(r => r.ContentVersion).HasMaxLength(64);
            e.Property(r => r.ContentSha256).HasMaxLength(64);
            e.Property(r => r.DocxSha256).HasMaxLength(64);
            e.Property(r => r.PdfSha256).HasMaxLength(64);
            e.Property(r => r.MissingAnswers).HasMaxLength(4000);
            e.Property(r => r.Author).HasMaxLength(200);
            e.Property(r => r.ApprovedBy).HasMaxLength(200);
        });

        builder.Entity<DocumentAcknowledgmentRecord>(e =>
        {
            e.HasIndex(a => new { a.RevisionId, a.UserId }).IsUnique();
            e.Property(a => a.UserName).HasMaxLength(256);
            e.HasOne<DocumentRevisionRecord>().WithMany().HasForeignKey(a => a.RevisionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<RiskMethodologyRecord>(e =>
        {
            e.HasIndex(m => new { m.OrganizationId, m.Version }).IsUnique();
            e.Property(m => m.CreatedBy).HasMaxLength(200);
            e.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<RiskRecord>(e =>
        {
            e.HasIndex(r => new { r.OrganizationId, r.Key }).IsUnique();
            e.Property(r => r.Key).HasMaxLength(64);
            e.Property(r => r.Title).HasMaxLength(300);
            e.Property(r => r.Description).HasMaxLength(4000);
            e.Property(r => r.Categories).HasMaxLength(400);
            e.Property(r => r.RiskSources).HasMaxLength(1000);
            e.Property(r => r.Assets).HasMaxLength(1000);
            e.Property(r => r.AiSystems).HasMaxLength(1000);
            e.Property(r => r.Treatment).HasMaxLength(16);
            e.Property(r => r.Controls).HasMaxLength(2000);
            e.Property(r => r.Owner).HasMaxLength(200);
            e.Property(r => r.AcceptedBy).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DocumentApprovalRecord>(e =>
        {
            e.HasIndex(a => new { a.RevisionId, a.Approver }).IsUnique();
            e.Property(a => a.Approver).HasMaxLength(200);
            e.HasOne<DocumentRevisionRecord>().WithMany().HasForeignKey(a => a.RevisionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<RegisteredDocumentRecord>(e =>
        {
            e.Property(r => r.Title).HasMaxLength(300);
            e.Property(r => r.Version).HasMaxLength(32);
            e.Property(r => r.Owner).HasMaxLength(200);
            e.Property(r => r.RequirementIds).HasMaxLength(4000);
            e.Property(r => r.FileName).HasMaxLength(200);
            e.Property(r => r.ContentType).HasMaxLength(100);
            e.Property(r => r.Sha256).HasMaxLength(64);
            e.Property(r => r.RegisteredBy).HasMaxLength(200);
            e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<TailoringProposalRecord>(e =>
        {
            e.HasIndex(t => new { t.OrganizationId, t.DocumentId, t.Status });
            e.Property(t => t.StatementId).HasMaxLength(200);
            e.Property(t => t.Status).HasMaxLength(16);
            e.Property(t => t.Refusal).HasMaxLength(1000);
            e.Property(t => t.RequestedBy).HasMaxLength(200);
            e.Property(t => t.DecidedBy).HasMaxLength(200);
            e.HasOne<ControlledDocumentRecord>().WithMany().HasForeignKey(t => t.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AiSystemRecord>(e =>
        {
            e.HasIndex(a => new { a.OrganizationId, a.Key }).IsUnique();
            e.Property(a => a.Key).HasMaxLength(64);
            e.Property(a => a.Name).HasMaxLength(300);
            e.Property(a => a.Role).HasMaxLength(32);
            e.Property(a => a.LifecycleStage).HasMaxLength(32);
            e.Property(a => a.Supplier).HasMaxLength(300);
            e.Property(a => a.ModelType).HasMaxLength(300);
            e.Property(a => a.HumanOversight).HasMaxLength(32);
            e.Property(a => a.Autonomy).HasMaxLength(32);
            e.Property(a => a.AffectedPeople).HasMaxLength(1000);
            e.Property(a => a.IntendedUse).HasMaxLength(2000);
            e.Property(a => a.ForeseeableMisuse).HasMaxLength(2000);
            e.Property(a => a.EuAiActClass).HasMaxLength(16);
            e.Property(a => a.Controls).HasMaxLength(2000);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });

        // The audit trail has no foreign keys at all: nothing can cascade into it, and it outlives what it records.
        builder.Entity<AuditEvent>(e =>
        {
            e.HasIndex(a => new { a.OrganizationId, a.Sequence }).IsUnique();
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(16);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
        });

        builder.Entity<ContentRelease>(e =>
        {
            e.HasKey(r => r.Version);
            e.Property(r => r.Version).HasMaxLength(64);
        });
        builder.Entity<CatalogFramework>(e => e.Property(f => f.Id).HasMaxLength(64));
        builder.Entity<CatalogRequirement>(e =>
        {
            e.Property(r => r.Id).HasMaxLength(64);
            e.Property(r => r.FrameworkId).HasMaxLength(64);
            e.HasIndex(r => new { r.FrameworkId, r.SortOrder });
        });
        builder.Entity<CatalogMapping>(e => e.HasIndex(m => new { m.SourceId, m.TargetId }).IsUnique());

        builder.Entity<ControlRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<ControlRequirementLink>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<EvidenceRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<EvidenceVersion>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<RequirementResultRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<AnswerSetRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<ControlledDocumentRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<DocumentRevisionRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<DocumentAcknowledgmentRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<RiskMethodologyRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<RiskRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<DocumentApprovalRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<RegisteredDocumentRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<TailoringProposalRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<CertificationRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<AiSystemRecord>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        ConfigureAiAndSoa(builder);
        ConfigureAudits(builder);
        ConfigureObjectivesAndCompetence(builder);
        builder.Entity<AuditEvent>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<Membership>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
        builder.Entity<PersonalAccessToken>().HasQueryFilter(TenantFilter, c => c.OrganizationId == TenantId);
    }
}

/// <summary>The SQLite flavour; its own class so it has its own migration set (Persistence/Migrations/Sqlite).</summary>
public sealed class SqliteHarmoniaDbContext(DbContextOptions<SqliteHarmoniaDbContext> options, TenantScope tenant, AuditActor actor, TimeProvider time)
    : HarmoniaDbContext(options, tenant, actor, time);

/// <summary>The PostgreSQL flavour; its own class so it has its own migration set (Persistence/Migrations/Postgres).</summary>
public sealed class PostgresHarmoniaDbContext(DbContextOptions<PostgresHarmoniaDbContext> options, TenantScope tenant, AuditActor actor, TimeProvider time)
    : HarmoniaDbContext(options, tenant, actor, time);
