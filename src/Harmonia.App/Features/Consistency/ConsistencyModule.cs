using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Consistency;

public static class ConsistencyModule
{
    public static IServiceCollection AddConsistencyModule(this IServiceCollection services)
    {
        services.AddScoped<ConsistencyFacts>();
        services.AddScoped<GetConsistencyHandler>();
        services.AddScoped<AcknowledgeFindingHandler>();
        services.AddScoped<ConsistencyGate>();
        return services;
    }
}
