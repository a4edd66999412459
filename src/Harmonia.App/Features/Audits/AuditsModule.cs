using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Audits;

public static class AuditsModule
{
    public static IServiceCollection AddAuditsModule(this IServiceCollection services)
    {
        services.AddScoped<PlanAuditHandler>();
        services.AddScoped<GetAuditHandler>();
        services.AddScoped<ExportAuditReportHandler>();
        services.AddScoped<ListAuditsHandler>();
        services.AddScoped<RecordAuditResultHandler>();
        services.AddScoped<RecordAuditResultsHandler>();
        services.AddScoped<CompleteAuditHandler>();
        services.AddScoped<ListNonconformitiesHandler>();
        services.AddScoped<ExportNonconformitiesHandler>();
        services.AddScoped<AdvanceNonconformityHandler>();
        return services;
    }
}
