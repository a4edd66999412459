using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Jobs;

public static class JobsModule
{
    public static IServiceCollection AddJobsModule(this IServiceCollection services)
    {
        services.AddSingleton<BackgroundJobSignal>();
        services.AddSingleton<BackgroundJobRunner>();
        services.AddScoped<QueueBackgroundJobHandler>();
        services.AddScoped<GetBackgroundJobHandler>();
        services.AddScoped<ListBackgroundJobsHandler>();
        services.AddScoped<OpenBackgroundJobResultHandler>();
        return services;
    }
}
