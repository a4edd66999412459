using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.AuditTrail;

public static class AuditTrailModule
{
    public static IServiceCollection AddAuditTrailModule(this IServiceCollection services)
    {
        services.AddScoped<VerifyAuditTrailHandler>();
        services.AddScoped<ListAuditEventsHandler>();
        return services;
    }
}
