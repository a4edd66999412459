using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Features.Competence;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Objectives;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Features.Readiness;
using Harmonia.App.Features.Reviews;
using Harmonia.App.Features.Risks;
using Harmonia.App.Features.Soa;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harmonia.App.Persistence;

public static class PersistenceRegistration
{
    /// <summary>The database, the per-scope tenant and actor, and the use cases that need them.</summary>
    public static IServiceCollection AddHarmoniaPersistence(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.TryAddSingleton(EvidenceStoreSettings.From(null, null));
        services.AddSingleton<EvidenceFileStore>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TenantScope>();
        services.AddScoped<AuditActor>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<SqliteHarmoniaDbContext>(o => o.UseSqlite(settings.ConnectionString));
            services.AddScoped<HarmoniaDbContext>(sp => sp.GetRequiredService<SqliteHarmoniaDbContext>());
        }
        else
        {
            services.AddDbContext<PostgresHarmoniaDbContext>(o => o.UseNpgsql(settings.ConnectionString));
            services.AddScoped<HarmoniaDbContext>(sp => sp.GetRequiredService<PostgresHarmoniaDbContext>());
        }

        services.AddScoped<MigrateDatabaseHandler>();
        services.AddScoped<ImportOrganizationHandler>();
        services.AddScoped<LoadOrganizationHandler>();
        services.AddScoped<ListOrganizationsHandler>();
        services.AddScoped<VerifyAuditTrailHandler>();
        services.AddScoped<ListAuditEventsHandler>();
        services.AddScoped<ControlInputValidator>();
        services.AddScoped<ListControlsHandler>();
        services.AddScoped<GetControlHandler>();
        services.AddScoped<SaveControlHandler>();
        services.AddScoped<DeleteControlHandler>();
        services.AddScoped<EvidenceVersionFactory>();
        services.AddScoped<AddEvidenceHandler>();
        services.AddScoped<AddEvidenceVersionHandler>();
        services.AddScoped<GetEvidenceHandler>();
        services.AddScoped<ListEvidenceHandler>();
        services.AddScoped<OpenEvidenceFileHandler>();
        services.AddScoped<DeleteEvidenceHandler>();
        services.AddScoped<GetAnswersHandler>();
        services.AddScoped<SaveAnswersHandler>();
        services.AddScoped<DocumentBuilder>();
        services.AddScoped<GenerateDocumentDraftsHandler>();
        services.AddScoped<ChangeDocumentStatusHandler>();
        services.AddScoped<AcknowledgeDocumentHandler>();
        services.AddScoped<ListDocumentsHandler>();
        services.AddScoped<GetDocumentHandler>();
        services.AddScoped<OpenPublishedFileHandler>();
        services.TryAddSingleton(TailoringSettings.Off);
        services.AddScoped<TailorDocumentHandler>();
        services.AddScoped<DecideTailoringHandler>();
        services.AddScoped<ListTailoringsHandler>();
        services.AddScoped<RegisterDocumentHandler>();
        services.AddScoped<ListRegisteredDocumentsHandler>();
        services.AddScoped<BuildPolicyPackZipHandler>();
        services.AddScoped<SetRequiredApprovalsHandler>();
        services.AddScoped<GetRiskMethodologyHandler>();
        services.AddScoped<SaveRiskMethodologyHandler>();
        services.AddScoped<ListRisksHandler>();
        services.AddScoped<SaveRiskHandler>();
        services.AddScoped<DeleteRiskHandler>();
        services.AddScoped<AcceptRiskHandler>();
        services.AddScoped<AiSystemStandings>();
        services.AddScoped<ListAiSystemsHandler>();
        services.AddScoped<GetAiSystemHandler>();
        services.AddScoped<SaveAiSystemHandler>();
        services.AddScoped<DeleteAiSystemHandler>();
        services.AddScoped<StartImpactAssessmentHandler>();
        services.AddScoped<GetImpactAssessmentHandler>();
        services.AddScoped<SaveImpactAssessmentHandler>();
        services.AddScoped<ApproveImpactAssessmentHandler>();
        services.AddScoped<RecordAiEvidenceHandler>();
        services.AddScoped<ImportAiEvidenceHandler>();
        services.AddScoped<ListAiEvidenceHandler>();
        services.AddScoped<ListRiskSuggestionsHandler>();
        services.AddScoped<DecideRiskSuggestionHandler>();
        services.AddScoped<ProposeSoaHandler>();
        services.AddScoped<SaveSoaVersionHandler>();
        services.AddScoped<ApproveSoaVersionHandler>();
        services.AddScoped<GetSoaHandler>();
        services.AddScoped<DiffSoaVersionsHandler>();
        services.AddScoped<ManagementRecordCredits>();
        services.AddScoped<ExportSoaHandler>();
        services.AddScoped<ExportImpactAssessmentHandler>();
        services.AddScoped<ExportRiskTreatmentPlanHandler>();
        services.AddScoped<PlanRoadmapHandler>();
        services.AddScoped<PublishedDocuments>();
        services.AddScoped<OpenMajorNonconformities>();
        services.AddScoped<PlanAuditHandler>();
        services.AddScoped<CurrentControls>();
        services.AddScoped<GetAuditHandler>();
        services.AddScoped<ExportAuditReportHandler>();
        services.AddScoped<ListAuditsHandler>();
        services.AddScoped<RecordAuditResultHandler>();
        services.AddScoped<CompleteAuditHandler>();
        services.AddScoped<ListNonconformitiesHandler>();
        services.AddScoped<AdvanceNonconformityHandler>();
        services.AddScoped<GetReadinessHandler>();
        services.AddScoped<AssembleReviewInputsHandler>();
        services.AddScoped<HoldManagementReviewHandler>();
        services.AddScoped<ListManagementReviewsHandler>();
        services.AddScoped<ExportReviewMinutesHandler>();
        services.AddScoped<ReportAiConcernHandler>();
        services.AddScoped<CloseAiConcernHandler>();
        services.AddScoped<ListAiConcernsHandler>();
        services.AddScoped<CompleteReviewActionHandler>();
        services.AddScoped<ListObjectivesHandler>();
        services.AddScoped<GetObjectiveHandler>();
        services.AddScoped<SaveObjectiveHandler>();
        services.AddScoped<RecordMeasurementHandler>();
        services.AddScoped<RetireObjectiveHandler>();
        services.AddScoped<GetCompetenceOverviewHandler>();
        services.AddScoped<SaveCompetenceRoleHandler>();
        services.AddScoped<SavePersonHandler>();
        services.AddScoped<RecordCompetenceEvidenceHandler>();
        services.AddScoped<AddCustomCompetenceHandler>();
        services.AddScoped<AuditPackSigningKey>();
        services.AddScoped<AuditPackRecords>();
        services.AddScoped<BuildAuditPackHandler>();
        services.AddScoped<ExportRoadmapHandler>();
        services.AddScoped<ListResultsHandler>();
        services.AddScoped<SetResultHandler>();
        services.AddScoped<DeleteResultHandler>();
        services.AddScoped<ListMembersHandler>();
        services.AddScoped<ListAccessTokensHandler>();
        services.AddSingleton<StoredGapReportCache>();
        services.AddSingleton<DashboardFiguresCache>();
        services.AddScoped<GetDashboardFiguresHandler>();
        services.AddScoped<StoredGapAnalysisHandler>();
        services.AddHarmoniaAccounts();
        return services;
    }
}
