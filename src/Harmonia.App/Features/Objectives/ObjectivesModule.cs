using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Objectives;

public static class ObjectivesModule
{
    public static IServiceCollection AddObjectivesModule(this IServiceCollection services)
    {
        services.AddScoped<ListObjectivesHandler>();
        services.AddScoped<GetObjectiveHandler>();
        services.AddScoped<SaveObjectiveHandler>();
        services.AddScoped<RecordMeasurementHandler>();
        services.AddScoped<RetireObjectiveHandler>();
        return services;
    }
}
