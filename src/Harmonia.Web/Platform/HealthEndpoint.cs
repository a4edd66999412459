using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Harmonia.Web.Platform;

internal static class HealthEndpoint
{
    /// <summary>GET /health: 200 with a small JSON body when healthy, 503 otherwise (for load balancers and probes).</summary>
    public static void MapHealthEndpoint(this WebApplication app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(context.Response.Body, new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
                });
            },
        });
}
