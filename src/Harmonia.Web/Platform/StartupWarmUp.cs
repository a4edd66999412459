using System.Diagnostics;
using Harmonia.App.Common;
using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Features.Certification;
using Harmonia.App.Features.Consistency;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Features.Readiness;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Harmonia.Web.Platform;

/// <summary>
/// After a start, reads the dashboard's and readiness's figures once for the organization that changed last, before
/// the node reports ready. EF Core compiles each query shape once per process (about 110 for readiness), which made
/// the first visit of those pages after a restart cost 600–800 ms; here that cost is paid before a person waits, and
/// that organization's results are cached as well. Read-only: nothing it calls writes (the audit pack's signing key,
/// which is created on first use, is left alone), so it can overlap the first requests safely.
/// </summary>
internal sealed partial class StartupWarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<StartupWarmUp> log) : BackgroundService
{
    /// <summary>A warm-up that hangs (a locked database) must not keep the node out of service for long.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Done => _done.Task.IsCompleted;

    public string? Outcome { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The database is migrated before the host starts; wait for that so the first query sees the current schema.
            await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).ContinueWith(_ => { }, TaskScheduler.Default);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            limit.CancelAfter(Limit);
            var clock = Stopwatch.StartNew();
            var organization = await WarmAsync(limit.Token);
            Outcome = organization is null ? "no organization yet" : $"dashboard and readiness read in {clock.ElapsedMilliseconds} ms";
            LogOutcome(log, Outcome);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever fails here (a deleted organization, a locked database) only means the first visit pays the
            // compile cost; it must never stop the host, which an exception escaping a background service does.
            Outcome = "skipped: " + ex.GetType().Name;
            LogSkipped(log, ex);
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up skipped; the first visit of the dashboard and readiness pays the start-up cost")]
    private static partial void LogSkipped(ILogger logger, Exception exception);

    private async Task<Guid?> WarmAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<HarmoniaDbContext>();
        var organization = await db.AuditEvents.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).AsNoTracking()
            .OrderByDescending(e => e.Id).Select(e => (Guid?)e.OrganizationId).FirstOrDefaultAsync(cancellationToken);
        if (organization is not { } id)
        {
            return null;
        }

        services.GetRequiredService<TenantScope>().Enter(id);
        foreach (var target in new[] { "iso27001-2022", "iso42001-2023" })
        {
            await services.GetRequiredService<StoredGapAnalysisHandler>().HandleAsync(new StoredGapRequest(id, target), cancellationToken);
        }

        await services.GetRequiredService<GetReadinessHandler>().HandleAsync(id, cancellationToken);
        await services.GetRequiredService<GetAuditTimeHandler>().HandleAsync(id, cancellationToken);
        await services.GetRequiredService<GetDashboardFiguresHandler>().HandleAsync(id, cancellationToken);
        await services.GetRequiredService<GetConsistencyHandler>().HandleAsync(cancellationToken);
        await services.GetRequiredService<ListCertificatesHandler>().HandleAsync(id, cancellationToken);
        await services.GetRequiredService<ListDueWorkHandler>().HandleAsync(new DueWorkFilter(), new WorkViewer(null, SeesEveryone: true), new PageRequest(1, 1), cancellationToken);
        await services.GetRequiredService<ListAuditEventsHandler>().HandleAsync(new PageRequest(1, 10), cancellationToken);
        return id;
    }
}

/// <summary>
/// Ready waits for the warm-up, so a load balancer sends the first person to a node that has paid its compile cost.
/// Warming up is reported as degraded, not unhealthy: /health/ready still answers 503 for it (HealthEndpoint), but the
/// health-check service logs it as a warning, where an unhealthy check is logged as an error every time a load
/// balancer asks during the first seconds of every start.
/// </summary>
internal sealed class WarmUpReadyCheck(StartupWarmUp warmUp) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmUp.Done
            ? HealthCheckResult.Healthy("warm-up " + warmUp.Outcome)
            : HealthCheckResult.Degraded("warming up: reading the most recently changed organization's dashboard and readiness once"));
}
