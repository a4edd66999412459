using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Search;

public static class SearchModule
{
    public static IServiceCollection AddSearchModule(this IServiceCollection services)
    {
        services.AddScoped<SearchIndex>();
        services.AddScoped<SearchRecordsHandler>();
        return services;
    }
}
