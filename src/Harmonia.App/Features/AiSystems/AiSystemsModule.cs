using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.AiSystems;

public static class AiSystemsModule
{
    public static IServiceCollection AddAiSystemsModule(this IServiceCollection services)
    {
        services.AddScoped<AiSystemStandings>();
        services.AddScoped<ListAiSystemsHandler>();
        services.AddScoped<ExportAiSystemRegisterHandler>();
        services.AddScoped<ImportAiSystemRegisterHandler>();
        services.AddScoped<Interop.IRegisterImport>(s => s.GetRequiredService<ImportAiSystemRegisterHandler>());
        services.AddScoped<GetAiSystemHandler>();
        services.AddScoped<GetEuAiActObligationsHandler>();
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
        services.AddScoped<DecideRiskSuggestionsHandler>();
        services.AddScoped<ExportImpactAssessmentHandler>();
        services.AddScoped<ExportFundamentalRightsAssessmentHandler>();
        services.AddScoped<ReportAiConcernHandler>();
        services.AddScoped<CloseAiConcernHandler>();
        services.AddScoped<ListAiConcernsHandler>();
        return services;
    }
}
