using Harmonia.App.Common;
using Harmonia.App.Features.Evidence;

namespace Harmonia.Web.Features.Evidence;

/// <summary>
/// Repeats the start's sweep on a schedule (Evidence:SweepEvery, six hours by default), so a server that runs for
/// months does not gather files that interrupted uploads left behind, or those of evidence deleted longer ago than
/// Evidence:RetainDeletedFor, until its next restart.
/// </summary>
internal sealed partial class EvidenceSweepService(IServiceProvider services, IConfiguration configuration, ILogger<EvidenceSweepService> logger) : BackgroundService
{
    /// <summary>How old a file must be before a sweep takes it: longer than any upload takes on another node.</summary>
    public static TimeSpan GracePeriod(IConfiguration configuration) => configuration.GetValue<TimeSpan?>("Evidence:OrphanSweepAfter") ?? TimeSpan.FromHours(1);

    /// <summary>How long the files of deleted evidence stay in the store after the deletion (Evidence:RetainDeletedFor).</summary>
    public static TimeSpan RetentionPeriod(IConfiguration configuration) =>
        configuration.GetValue<TimeSpan?>("Evidence:RetainDeletedFor") ?? TimeSpan.FromDays(SweepOrphanFilesHandler.DefaultRetainDeletedForDays);

    /// <summary>One sweep, the same at start and on the schedule: temporary files of interrupted uploads, then (when asked) stored files no row names.</summary>
    public static async Task SweepOnceAsync(IServiceProvider services, TimeSpan olderThan, bool unreferenced, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IEvidenceStore>().SweepIncoming(olderThan, DateTime.UtcNow);
        if (unreferenced)
        {
            await scope.ServiceProvider.GetRequiredService<SweepOrphanFilesHandler>().HandleAsync(olderThan, RetentionPeriod(services.GetRequiredService<IConfiguration>()), cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = configuration.GetValue<TimeSpan?>("Evidence:SweepEvery") ?? TimeSpan.FromHours(6);
        var olderThan = GracePeriod(configuration);
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepOnceAsync(services, olderThan, unreferenced: true, stoppingToken);
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
