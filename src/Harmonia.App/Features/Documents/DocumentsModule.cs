using Harmonia.App.Features.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harmonia.App.Features.Documents;

public static class DocumentsModule
{
    public static IServiceCollection AddDocumentsModule(this IServiceCollection services)
    {
        services.AddScoped<GetAnswersHandler>();
        services.AddScoped<SaveAnswersHandler>();
        services.AddScoped<DocumentBuilder>();
        services.AddScoped<GenerateDocumentDraftsHandler>();
        services.AddScoped<ChangeDocumentStatusHandler>();
        services.AddScoped<ReadRevisionTextHandler>();
        services.AddScoped<ExportEmployeeCopyHandler>();
        services.AddScoped<ChangeDocumentStatusesHandler>();
        services.AddScoped<PolicyApprovalsByTopManagement>();
        services.AddScoped<AcknowledgeDocumentHandler>();
        services.AddScoped<ListDocumentsHandler>();
        services.AddScoped<GetDocumentHandler>();
        services.AddScoped<OpenPublishedFileHandler>();
        services.AddScoped<TailorDocumentHandler>();
        services.AddScoped<DecideTailoringHandler>();
        services.AddScoped<ListTailoringsHandler>();
        services.AddScoped<RegisterDocumentHandler>();
        services.AddScoped<ListRegisteredDocumentsHandler>();
        services.AddScoped<BuildPolicyPackZipHandler>();
        services.AddScoped<SetRequiredApprovalsHandler>();
        services.AddScoped<QueuePolicyPackHandler>();
        services.AddScoped<QueueDocumentPublicationHandler>();
        services.AddScoped<IBackgroundJobWork, PolicyPackWork>();
        services.AddScoped<IBackgroundJobWork, DocumentPublicationWork>();
        services.AddScoped<QueueDocumentDraftsHandler>();
        services.AddScoped<IBackgroundJobWork, DocumentDraftsWork>();
        services.AddTransient<GeneratePolicyPackHandler>();
        services.TryAddSingleton(TailoringSettings.Off);
        return services;
    }
}
