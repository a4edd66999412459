using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Soa;

public static class SoaModule
{
    public static IServiceCollection AddSoaModule(this IServiceCollection services)
    {
        services.AddScoped<ProposeSoaHandler>();
        services.AddScoped<SaveSoaVersionHandler>();
        services.AddScoped<ApproveSoaVersionHandler>();
        services.AddScoped<GetSoaHandler>();
        services.AddScoped<DiffSoaVersionsHandler>();
        services.AddScoped<ExportSoaHandler>();
        return services;
    }
}
