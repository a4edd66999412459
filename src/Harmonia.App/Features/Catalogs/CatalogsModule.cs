using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Catalogs;

public static class CatalogsModule
{
    public static IServiceCollection AddCatalogsModule(this IServiceCollection services)
    {
        services.AddTransient<ListFrameworksHandler>();
        services.AddTransient<ShowFrameworkHandler>();
        services.AddTransient<ShowCrosswalkHandler>();
        services.AddSingleton<OrganizationCatalogCache>();
        services.AddScoped<OrganizationCatalogs>();
        services.AddScoped<ImportFrameworkHandler>();
        services.AddScoped<RemoveFrameworkHandler>();
        services.AddScoped<AddFrameworkMappingHandler>();
        return services;
    }
}
