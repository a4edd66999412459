using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Operations;

/// <summary>Running the deployment: backup and restore.</summary>
public static class OperationsModule
{
    public static IServiceCollection AddOperationsModule(this IServiceCollection services) => services
        .AddScoped<TakeBackupHandler>()
        .AddScoped<RestoreBackupHandler>();
}
