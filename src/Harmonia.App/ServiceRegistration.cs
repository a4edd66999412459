using Harmonia.App.Content;
using Harmonia.App.Features.Catalogs;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Gaps;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App;

public static class ServiceRegistration
{
    /// <summary>The one registration both hosts (web and CLI) use, so they run the same handlers.</summary>
    public static IServiceCollection AddHarmonia(this IServiceCollection services)
    {
        services.AddSingleton(_ => LoadedContent.Shipped);
        services.AddSingleton(sp => new Domain.Mapping.MappingEngine(sp.GetRequiredService<LoadedContent>().Catalog));
        services.AddTransient<ListFrameworksHandler>();
        services.AddTransient<ShowFrameworkHandler>();
        services.AddTransient<ShowCrosswalkHandler>();
        services.AddTransient<RunGapAnalysisHandler>();
        services.AddTransient<GeneratePolicyPackHandler>();
        return services;
    }
}
