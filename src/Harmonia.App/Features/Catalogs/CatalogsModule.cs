using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Catalogs;

public static class CatalogsModule
{
    public static IServiceCollection AddCatalogsModule(this IServiceCollection services)
    {
        services.AddTransient<ListFrameworksHandler>();
        services.AddTransient<ShowFrameworkHandler>();
        services.AddTransient<ShowCrosswalkHandler>();
        return services;
    }
}
