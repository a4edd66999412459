using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Harmonia.Web.Platform;

internal static class HealthEndpoint
{
    public const string ReadyTag = "ready";

    /// <summary>Checks that gate readiness but say nothing about health (the start-up warm-up).</summary>
    public const string WarmTag = "warm";

    /// <summary>
    /// GET /health (every check), /health/live (the process answers; no dependency, so a database outage does not
    /// make an orchestrator restart healthy nodes) and /health/ready (database with the current schema, evidence store,
    /// content, and the start-up warm-up done): 200 with a small JSON body when healthy, 503 otherwise. A node still
    /// warming up is healthy, only not ready yet, so /health leaves the warm-up out.
    /// </summary>
    public static void MapHealthEndpoint(this WebApplication app)
    {
        app.MapHealthChecks("/health", Options(r => !r.Tags.Contains(WarmTag)));
        app.MapHealthChecks("/health/live", Options(_ => false));
        var ready = Options(r => r.Tags.Contains(ReadyTag));

        // Only the warm-up reports degraded, and a node still warming up is not ready.
        ready.ResultStatusCodes[HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable;
        app.MapHealthChecks("/health/ready", ready);
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) =>
        new()
        {
            Predicate = predicate,
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(context.Response.Body, new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
                });
            },
        };
}
