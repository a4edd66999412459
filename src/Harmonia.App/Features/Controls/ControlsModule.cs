using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Controls;

public static class ControlsModule
{
    public static IServiceCollection AddControlsModule(this IServiceCollection services)
    {
        services.AddScoped<ControlInputValidator>();
        services.AddScoped<ListControlsHandler>();
        services.AddScoped<GetControlHandler>();
        services.AddScoped<SaveControlHandler>();
        services.AddScoped<DeleteControlHandler>();
        services.AddScoped<DeleteControlsHandler>();
        services.AddScoped<CurrentControls>();
        return services;
    }
}
