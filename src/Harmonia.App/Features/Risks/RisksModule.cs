using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Risks;

public static class RisksModule
{
    public static IServiceCollection AddRisksModule(this IServiceCollection services)
    {
        services.AddScoped<GetRiskMethodologyHandler>();
        services.AddScoped<SaveRiskMethodologyHandler>();
        services.AddScoped<ListRisksHandler>();
        services.AddScoped<SaveRiskHandler>();
        services.AddScoped<RecordRiskReviewHandler>();
        services.AddScoped<DeleteRiskHandler>();
        services.AddScoped<DeleteRisksHandler>();
        services.AddScoped<AcceptRiskHandler>();
        services.AddScoped<ApproveRiskTreatmentHandler>();
        services.AddScoped<ApproveRiskAboveLimitHandler>();
        services.AddScoped<ExportRiskTreatmentPlanHandler>();
        services.AddScoped<ImportRiskRegisterHandler>();
        services.AddScoped<Interop.IRegisterImport>(s => s.GetRequiredService<ImportRiskRegisterHandler>());
        return services;
    }
}
