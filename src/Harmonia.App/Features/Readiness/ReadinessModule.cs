using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Readiness;

public static class ReadinessModule
{
    public static IServiceCollection AddReadinessModule(this IServiceCollection services)
    {
        services.AddScoped<PlanRoadmapHandler>();
        services.AddScoped<GetReadinessHandler>();
        services.AddScoped<Stage1Records>();
        services.AddScoped<AuditPackSigningKey>();
        services.AddScoped<AuditPackRecords>();
        services.AddScoped<BuildAuditPackHandler>();
        services.AddScoped<ExportRoadmapHandler>();
        return services;
    }
}
