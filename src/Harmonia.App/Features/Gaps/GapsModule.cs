using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Gaps;

public static class GapsModule
{
    public static IServiceCollection AddGapsModule(this IServiceCollection services)
    {
        services.AddScoped<ManagementRecordCredits>();
        services.AddScoped<AimsRecordCredits>();
        services.AddScoped<PublishedDocuments>();
        services.AddScoped<OpenMajorNonconformities>();
        services.AddScoped<ApprovedSoaExclusions>();
        services.AddScoped<ListResultsHandler>();
        services.AddScoped<SetResultHandler>();
        services.AddScoped<DeleteResultHandler>();
        services.AddSingleton<StoredGapReportCache>();
        services.AddScoped<StoredOrganizationState>();
        services.AddScoped<StoredGapAnalysisHandler>();
        services.AddTransient<RunGapAnalysisHandler>();
        return services;
    }
}
