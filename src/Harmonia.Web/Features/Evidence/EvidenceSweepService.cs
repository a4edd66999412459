using Harmonia.App.Common;
using Harmonia.App.Features.Evidence;

namespace Harmonia.Web.Features.Evidence;

/// <summary>
/// Repeats the start's sweep on a schedule (Evidence:SweepEvery, six hours by default), so a server that runs for
/// months does not gather files that interrupted uploads or deleted evidence left behind until its next restart.
/// </summary>
internal sealed partial class EvidenceSweepService(IServiceProvider services, IConfiguration configuration, ILogger<EvidenceSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = configuration.GetValue<TimeSpan?>("Evidence:SweepEvery") ?? TimeSpan.FromHours(6);
        var olderThan = configuration.GetValue<TimeSpan?>("Evidence:OrphanSweepAfter") ?? TimeSpan.FromHours(1);
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<EvidenceFileStore>().SweepIncoming(olderThan, DateTime.UtcNow);
                await scope.ServiceProvider.GetRequiredService<SweepOrphanFilesHandler>().HandleAsync(olderThan, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed sweep (database briefly away) is retried on the next tick; it must not stop the server.
                SweepFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scheduled evidence sweep failed; it runs again at the next interval")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
