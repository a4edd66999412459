using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Certification;

public static class CertificationModule
{
    public static IServiceCollection AddCertificationModule(this IServiceCollection services)
    {
        services.AddScoped<AuditTimeFacts>();
        services.AddScoped<GetAuditTimeHandler>();
        services.AddScoped<SaveAuditTimeInputsHandler>();
        services.AddScoped<ListCertificatesHandler>();
        services.AddScoped<SaveCertificateHandler>();
        services.AddScoped<ListHeldDocumentsHandler>();
        services.AddScoped<SaveHeldDocumentsHandler>();
        services.AddScoped<HeldDocuments>();
        services.AddScoped<RecordBodyFindingHandler>();
        services.AddScoped<ListCandidateBodiesHandler>();
        services.AddScoped<SaveCandidateBodyHandler>();
        services.AddScoped<EngagementAccess>();
        services.AddScoped<ListEngagementsHandler>();
        services.AddScoped<InviteExternalAuditorHandler>();
        services.AddScoped<RequestEvidenceHandler>();
        services.AddScoped<AnswerEvidenceRequestHandler>();
        services.AddScoped<JudgeEvidenceRequestHandler>();
        services.AddScoped<DrawSampleHandler>();
        services.AddScoped<RecordEngagementFindingHandler>();
        services.AddScoped<CloseEngagementHandler>();
        services.AddScoped<DownloadEngagementAuditPackHandler>();
        services.AddScoped<OpenRequestedEvidenceHandler>();
        services.AddScoped<FindAuditorWorkspaceHandler>();
        return services;
    }
}
