using Harmonia.App.Content;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Harmonia.Web.Platform;

/// <summary>Healthy when the shipped catalogs loaded and validated; the content version identifies what is served.</summary>
internal sealed class ContentHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = services.GetRequiredService<LoadedContent>();
            return Task.FromResult(HealthCheckResult.Healthy(
                $"{content.Catalog.Frameworks.Count} frameworks loaded",
                new Dictionary<string, object> { ["contentVersion"] = content.Version, ["frameworks"] = content.Catalog.Frameworks.Count }));
        }
        catch (ContentValidationException ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("content is invalid: " + ex.Message));
        }
    }
}
