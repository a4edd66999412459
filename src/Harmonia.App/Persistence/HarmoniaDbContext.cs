using System.Linq.Expressions;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Features.Catalogs;
using Harmonia.App.Features.Certification;
using Harmonia.App.Features.Competence;
using Harmonia.App.Features.Consistency;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Jobs;
using Harmonia.App.Features.Objectives;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Features.Readiness;
using Harmonia.App.Features.Reviews;
using Harmonia.App.Features.Risks;
using Harmonia.App.Features.Soa;
using Harmonia.App.Features.Suppliers;
using Harmonia.App.Features.Work;
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

    private TenantScope _tenant;
    private AuditTrailWriter _auditTrail;

    /// <summary>
    /// For the pool of contexts (HarmoniaServices.AddPersistence), which binds each lent context to the request's
    /// tenant and actor. Until then it works for no organization and writes as "system".
    /// </summary>
    protected HarmoniaDbContext(DbContextOptions options)
        : this(options, new TenantScope(), new AuditActor(), TimeProvider.System)
    {
    }

    protected HarmoniaDbContext(DbContextOptions options, TenantScope tenant, AuditActor actor, TimeProvider time)
        : base(options)
    {
        _tenant = tenant;
        _auditTrail = new AuditTrailWriter(this, actor, time);
    }

    /// <summary>
    /// Makes a context lent by the pool work for this scope: its tenant, its actor, a fresh audit-trail writer and no
    /// change token remembered from the scope that used it before.
    /// </summary>
    internal void Bind(TenantScope tenant, AuditActor actor, TimeProvider time)
    {
        _tenant = tenant;
        _auditTrail = new AuditTrailWriter(this, actor, time);
        ForgetChangeToken();
    }

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<ControlRecord> Controls => Set<ControlRecord>();

    public DbSet<ControlRequirementLink> ControlRequirements => Set<ControlRequirementLink>();

    public DbSet<EvidenceRecord> Evidence => Set<EvidenceRecord>();

    public DbSet<EvidenceVersion> EvidenceVersions => Set<EvidenceVersion>();

    public DbSet<ReleasedEvidenceFile> ReleasedEvidenceFiles => Set<ReleasedEvidenceFile>();

    public DbSet<Features.Pages.PendingFormOutcome> PendingFormOutcomes => Set<Features.Pages.PendingFormOutcome>();

    public DbSet<Features.Interop.ImportMappingRecord> ImportMappings => Set<Features.Interop.ImportMappingRecord>();

    public DbSet<Features.Interop.PendingImport> PendingImports => Set<Features.Interop.PendingImport>();

    public DbSet<Features.Work.RecurringActivityRecord> RecurringActivities => Set<Features.Work.RecurringActivityRecord>();

    public DbSet<RequirementResultRecord> RequirementResults => Set<RequirementResultRecord>();

    public DbSet<AiSystemRecord> AiSystems => Set<AiSystemRecord>();

    public DbSet<CertificationRecord> Certifications => Set<CertificationRecord>();

    public DbSet<AnswerSetRecord> AnswerSets => Set<AnswerSetRecord>();

    public DbSet<ControlledDocumentRecord> Documents => Set<ControlledDocumentRecord>();

    public DbSet<DocumentRevisionRecord> DocumentRevisions => Set<DocumentRevisionRecord>();

    public DbSet<DocumentAcknowledgmentRecord> DocumentAcknowledgments => Set<DocumentAcknowledgmentRecord>();

    public DbSet<TailoringProposalRecord> TailoringProposals => Set<TailoringProposalRecord>();

    public DbSet<RegisteredDocumentRecord> RegisteredDocuments => Set<RegisteredDocumentRecord>();

    public DbSet<BackgroundJobRecord> BackgroundJobs => Set<BackgroundJobRecord>();

    public DbSet<DocumentApprovalRecord> DocumentApprovals => Set<DocumentApprovalRecord>();

    public DbSet<RiskMethodologyRecord> RiskMethodologies => Set<RiskMethodologyRecord>();

    public DbSet<RiskRecord> Risks => Set<RiskRecord>();

    public DbSet<RiskControlLink> RiskControlLinks => Set<RiskControlLink>();

    public DbSet<RiskAiSystemLink> RiskAiSystemLinks => Set<RiskAiSystemLink>();

    public DbSet<AiSystemControlLink> AiSystemControlLinks => Set<AiSystemControlLink>();

    public DbSet<AiEvidenceControlLink> AiEvidenceControlLinks => Set<AiEvidenceControlLink>();

    public DbSet<ImpactAssessmentRecord> ImpactAssessments => Set<ImpactAssessmentRecord>();

    public DbSet<AiEvidenceRecord> AiEvidence => Set<AiEvidenceRecord>();

    public DbSet<AiConcernRecord> AiConcerns => Set<AiConcernRecord>();

    public DbSet<RiskSuggestionRecord> RiskSuggestions => Set<RiskSuggestionRecord>();

    public DbSet<SoaVersionRecord> SoaVersions => Set<SoaVersionRecord>();

    public DbSet<AuditTimeInputsRecord> AuditTimeInputs => Set<AuditTimeInputsRecord>();

    public DbSet<CertificateRecord> Certificates => Set<CertificateRecord>();

    public DbSet<HeldDocumentRecord> HeldDocuments => Set<HeldDocumentRecord>();

    public DbSet<BodyFindingRecord> BodyFindings => Set<BodyFindingRecord>();

    public DbSet<CandidateBodyRecord> CandidateBodies => Set<CandidateBodyRecord>();

    public DbSet<EngagementRecord> Engagements => Set<EngagementRecord>();

    public DbSet<EvidenceRequestRecord> EvidenceRequests => Set<EvidenceRequestRecord>();

    public DbSet<EngagementSampleRecord> EngagementSamples => Set<EngagementSampleRecord>();

    public DbSet<EngagementFindingRecord> EngagementFindings => Set<EngagementFindingRecord>();

    public DbSet<EngagementAccessRecord> EngagementAccesses => Set<EngagementAccessRecord>();

    /// <summary>ASP.NET Core data-protection keys (cookies, antiforgery), shared by every web node on the same database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<PersonalAccessToken> AccessTokens => Set<PersonalAccessToken>();

    public DbSet<AccountSecurityEvent> AccountSecurityEvents => Set<AccountSecurityEvent>();

    public DbSet<OrganizationSecurityEvent> OrganizationSecurityEvents => Set<OrganizationSecurityEvent>();

    public DbSet<PassphraseResetRecord> PassphraseResets => Set<PassphraseResetRecord>();

    public DbSet<MemberInvitation> MemberInvitations => Set<MemberInvitation>();

    public DbSet<ContentRelease> ContentReleases => Set<ContentRelease>();

    public DbSet<CatalogFramework> CatalogFrameworks => Set<CatalogFramework>();

    public DbSet<CatalogRequirement> CatalogRequirements => Set<CatalogRequirement>();

    public DbSet<OwnFrameworkRecord> OwnFrameworks => Set<OwnFrameworkRecord>();

    public DbSet<OwnRequirementRecord> OwnRequirements => Set<OwnRequirementRecord>();

    public DbSet<OwnMappingRecord> OwnMappings => Set<OwnMappingRecord>();

    public DbSet<CatalogMapping> CatalogMappings => Set<CatalogMapping>();

    public DbSet<AuditRecord> Audits => Set<AuditRecord>();

    public DbSet<AuditResultRecord> AuditResults => Set<AuditResultRecord>();

    public DbSet<NonconformityRecord> Nonconformities => Set<NonconformityRecord>();

    public DbSet<ManagementReviewRecord> ManagementReviews => Set<ManagementReviewRecord>();

    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    public DbSet<ObjectiveRecord> Objectives => Set<ObjectiveRecord>();

    public DbSet<ObjectiveMeasurementRecord> ObjectiveMeasurements => Set<ObjectiveMeasurementRecord>();

    public DbSet<CompetenceRoleRecord> CompetenceRoles => Set<CompetenceRoleRecord>();

    public DbSet<PersonRecord> People => Set<PersonRecord>();

    public DbSet<PersonRoleLink> PersonRoles => Set<PersonRoleLink>();

    public DbSet<CompetenceEvidenceRecord> CompetenceEvidence => Set<CompetenceEvidenceRecord>();

    public DbSet<CustomCompetenceRecord> CustomCompetences => Set<CustomCompetenceRecord>();

    public DbSet<TopManagementMember> TopManagement => Set<TopManagementMember>();

    public DbSet<ConsistencyAcknowledgementRecord> ConsistencyAcknowledgements => Set<ConsistencyAcknowledgementRecord>();

    public DbSet<SupplierRecord> Suppliers => Set<SupplierRecord>();

    public DbSet<SupplierTiersRecord> SupplierTiers => Set<SupplierTiersRecord>();

    public DbSet<SupplierSubProcessorLink> SupplierSubProcessors => Set<SupplierSubProcessorLink>();

    public DbSet<CalendarFeedRecord> CalendarFeeds => Set<CalendarFeedRecord>();

    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();

    public DbSet<ReminderPreferencesRecord> ReminderPreferences => Set<ReminderPreferencesRecord>();

    public DbSet<ReminderSweepRecord> ReminderSweeps => Set<ReminderSweepRecord>();

    public DbSet<OwnerAssignmentRecord> OwnerAssignments => Set<OwnerAssignmentRecord>();

    public DbSet<ScheduledJobRunRecord> ScheduledJobRuns => Set<ScheduledJobRunRecord>();

    public DbSet<Features.Comments.CommentRecord> Comments => Set<Features.Comments.CommentRecord>();

    public DbSet<Features.Search.SearchEntryRecord> SearchEntries => Set<Features.Search.SearchEntryRecord>();

    public DbSet<Features.Search.SearchIndexStateRecord> SearchIndexStates => Set<Features.Search.SearchIndexStateRecord>();

    public DbSet<Features.Webhooks.WebhookEndpointRecord> WebhookEndpoints => Set<Features.Webhooks.WebhookEndpointRecord>();

    public DbSet<Features.Webhooks.WebhookDeliveryRecord> WebhookDeliveries => Set<Features.Webhooks.WebhookDeliveryRecord>();

    public DbSet<Features.Webhooks.WebhookFeedStateRecord> WebhookFeedStates => Set<Features.Webhooks.WebhookFeedStateRecord>();

    public DbSet<SupplierQuestionnaireRecord> SupplierQuestionnaires => Set<SupplierQuestionnaireRecord>();

    public DbSet<SupplierAnswerVersionRecord> SupplierAnswerVersions => Set<SupplierAnswerVersionRecord>();

    public DbSet<SupplierQuestionnaireTemplateRecord> SupplierQuestionnaireTemplates => Set<SupplierQuestionnaireTemplateRecord>();

    /// <summary>The organization this context works for; Guid.Empty (no rows) when none is set.</summary>
    public Guid TenantId => _tenant.OrganizationId ?? Guid.Empty;

    // One attempt numbers and saves, serialized per organization (HarmoniaDbContext.Serialization.cs); a lost race for a number (SaveRetry) discards the attempt's audit events and repeats it.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var serialized = Serialize();
            ForgetChangeToken();
            _auditTrail.BeforeSave(_tenant.OrganizationId);
            try
            {
                var saved = base.SaveChanges(acceptAllChangesOnSuccess: false);
                serialized?.Commit();
                if (acceptAllChangesOnSuccess)
                {
                    ChangeTracker.AcceptAllChanges();
                }

                _auditTrail.Saved();
                return saved;
            }
            catch (Exception e)
            {
                _auditTrail.Discard();
                serialized?.Dispose();
                if (!Retry(e, attempt))
                {
                    throw;
                }
            }

            Thread.Sleep(SaveRetry.Delay(attempt));
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var serialized = await SerializeAsync(cancellationToken);
            ForgetChangeToken();
            _auditTrail.BeforeSave(_tenant.OrganizationId);
            try
            {
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
                if (serialized is not null)
                {
                    await serialized.CommitAsync(cancellationToken);
                }

                if (acceptAllChangesOnSuccess)
                {
                    ChangeTracker.AcceptAllChanges();
                }

                _auditTrail.Saved();
                return saved;
            }
            catch (Exception e)
            {
                _auditTrail.Discard();
                if (serialized is not null)
                {
                    await serialized.DisposeAsync();
                }

                if (!Retry(e, attempt))
                {
                    throw;
                }
            }

            await Task.Delay(SaveRetry.Delay(attempt), cancellationToken);
        }
    }

    // Inside a caller's transaction the failed statement has spoiled it (PostgreSQL aborts it), so only the caller can retry.
    private bool Retry(Exception e, int attempt)
    {
        if (attempt >= SaveRetry.MaxAttempts || Database.CurrentTransaction is not null || !SaveRetry.IsLostRace(e, Model))
        {
            return false;
        }

        SaveRetry.Retries.Add(1, new KeyValuePair<string, object?>("attempt", attempt));
        return true;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Each module configures its own entities (Features/<Module>/<Entity>Configuration.cs).
        builder.ApplyConfigurationsFromAssembly(typeof(HarmoniaDbContext).Assembly);

        // The tenant rules are applied here, once, so no entity can be added without them (a test checks every one).
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IOrganizationRow).IsAssignableFrom(t.ClrType)).ToList())
        {
            var row = Expression.Parameter(entity.ClrType, "row");
            var sameOrganization = Expression.Equal(
                Expression.Property(row, nameof(IOrganizationRow.OrganizationId)),
                Expression.Property(Expression.Constant(this), nameof(TenantId)));
            builder.Entity(entity.ClrType).HasQueryFilter(TenantFilter, Expression.Lambda(sameOrganization, row));
            if (typeof(IOrganizationScoped).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).HasOne(typeof(Organization)).WithMany()
                    .HasForeignKey(nameof(IOrganizationScoped.OrganizationId)).OnDelete(DeleteBehavior.Restrict);
            }
        }

        IndexChildrenUnderTheirOrganization(builder);
    }

    /// <summary>
    /// Every query also filters on the organization, so a child row is looked up by (OrganizationId, parent id). With an
    /// index on each column alone SQLite's planner may take the organization's index for the inner side of a join and
    /// read every child row of the organization for each parent: loading a risk's AI systems for the SoA took 69.5 s at
    /// ten times today's data. One index on both columns makes the lookup direct on either database.
    /// </summary>
    private static void IndexChildrenUnderTheirOrganization(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IOrganizationRow).IsAssignableFrom(t.ClrType)).ToList())
        {
            var organization = entity.FindProperty(nameof(IOrganizationRow.OrganizationId));
            if (organization is null)
            {
                continue;
            }

            foreach (var key in entity.GetForeignKeys().Where(k => typeof(IOrganizationRow).IsAssignableFrom(k.PrincipalEntityType.ClrType) && !k.Properties.Contains(organization)).ToList())
            {
                var columns = key.Properties.Prepend(organization).ToList();
                var covered = entity.GetIndexes().Any(i => i.Properties.Count >= columns.Count && i.Properties.Take(columns.Count).SequenceEqual(columns));
                if (!covered)
                {
                    builder.Entity(entity.ClrType).HasIndex([.. columns.Select(c => c.Name)]);
                }
            }
        }
    }
}

/// <summary>The SQLite flavour; its own class so it has its own migration set (Persistence/Migrations/Sqlite).</summary>
public sealed class SqliteHarmoniaDbContext : HarmoniaDbContext
{
    /// <summary>The pool's constructor: EF pools a context type only with one public constructor, taking the options.</summary>
    public SqliteHarmoniaDbContext(DbContextOptions<SqliteHarmoniaDbContext> options)
        : base(options)
    {
    }

    internal SqliteHarmoniaDbContext(DbContextOptions<SqliteHarmoniaDbContext> options, TenantScope tenant, AuditActor actor, TimeProvider time)
        : base(options, tenant, actor, time)
    {
    }
}

/// <summary>The PostgreSQL flavour; its own class so it has its own migration set (Persistence/Migrations/Postgres).</summary>
public sealed class PostgresHarmoniaDbContext : HarmoniaDbContext
{
    /// <summary>The pool's constructor: EF pools a context type only with one public constructor, taking the options.</summary>
    public PostgresHarmoniaDbContext(DbContextOptions<PostgresHarmoniaDbContext> options)
        : base(options)
    {
    }

    internal PostgresHarmoniaDbContext(DbContextOptions<PostgresHarmoniaDbContext> options, TenantScope tenant, AuditActor actor, TimeProvider time)
        : base(options, tenant, actor, time)
    {
    }
}
