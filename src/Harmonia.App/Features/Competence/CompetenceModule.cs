using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Competence;

public static class CompetenceModule
{
    public static IServiceCollection AddCompetenceModule(this IServiceCollection services)
    {
        services.AddScoped<GetCompetenceOverviewHandler>();
        services.AddScoped<SaveCompetenceRoleHandler>();
        services.AddScoped<SavePersonHandler>();
        services.AddScoped<RecordCompetenceEvidenceHandler>();
        services.AddScoped<AddCustomCompetenceHandler>();
        return services;
    }
}
