using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Interop;

/// <summary>Standard formats out of Harmonia: OSCAL catalogs and mapping collections.</summary>
public static class InteropModule
{
    public static IServiceCollection AddInteropModule(this IServiceCollection services) => services
        .AddScoped<ExportOscalCatalogHandler>()
        .AddScoped<ExportOscalMappingHandler>();
}
