using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Harmonia.Web.Platform;

/// <summary>
/// Ready means able to serve: the database answers and carries this version's schema (a node started before a
/// migration another node ran must not take traffic with the wrong model).
/// </summary>
internal sealed class DatabaseReadyCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToArray();
            return pending.Length == 0
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable, schema current")
                : HealthCheckResult.Unhealthy($"{pending.Length} migrations not applied yet (run 'harmonia db migrate')");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // The message names the server and the failure, never the connection string's secrets.
            return HealthCheckResult.Unhealthy("database unreachable: " + ex.GetType().Name);
        }
    }
}

/// <summary>
/// Ready also means uploads can land: the incoming folder (where every upload is received and hashed) takes a file,
/// and the store answers (for S3, a lookup of an address no file has).
/// </summary>
internal sealed class EvidenceStoreReadyCheck(EvidenceStoreSettings settings, IEvidenceStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var incoming = EvidenceUploadReceiver.IncomingFolder(settings);
        var probe = Path.Combine(incoming, "ready-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(incoming);
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("evidence folder not writable: " + ex.GetType().Name);
        }
        finally
        {
            if (File.Exists(probe))
            {
                File.Delete(probe);
            }
        }

        try
        {
            await store.ExistsAsync(new string('0', 64), cancellationToken);
            return HealthCheckResult.Healthy(store is S3EvidenceStore ? "incoming folder writable, S3 bucket reachable" : "evidence folder writable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The type only: a message could carry the endpoint's details.
            return HealthCheckResult.Unhealthy("evidence store unreachable: " + ex.GetType().Name);
        }
    }
}
