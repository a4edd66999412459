using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harmonia.App.Features.AuditTrail;

public static class AuditTrailModule
{
    public static IServiceCollection AddAuditTrailModule(this IServiceCollection services)
    {
        services.AddScoped<VerifyAuditTrailHandler>();
        services.AddScoped<CheckAuditTrailForPageHandler>();
        services.AddSingleton<AuditTrailChecks>();
        services.TryAddSingleton(AuditTrailAnchorSettings.From(null));
        services.AddSingleton<AuditTrailAnchors>();
        services.AddScoped<ListAuditEventsHandler>();
        return services;
    }
}
