using Harmonia.App.Features.Jobs;

namespace Harmonia.Web.Features.Jobs;

/// <summary>
/// Every web node runs one worker: it takes queued jobs one at a time, woken at once by a job queued on this node and
/// otherwise every Jobs:PollEvery (two seconds), which is how it finds jobs queued on another node. Jobs:Worker=false
/// leaves a node out (jobs then wait for a node that runs one).
/// </summary>
internal sealed partial class BackgroundJobWorker(BackgroundJobRunner runner, BackgroundJobSignal signal, IConfiguration configuration, ILogger<BackgroundJobWorker> logger) : BackgroundService
{
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool?>("Jobs:Worker") ?? true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pollEvery = configuration.GetValue<TimeSpan?>("Jobs:PollEvery") ?? TimeSpan.FromSeconds(2);
        if (pollEvery < TimeSpan.FromMilliseconds(100) || pollEvery > TimeSpan.FromMinutes(10))
        {
            throw new InvalidOperationException($"Jobs:PollEvery must be between 100 ms and 10 minutes; it is {pollEvery}.");
        }

        var node = $"{Environment.ProcessId}:{Guid.NewGuid():N}:{Environment.MachineName}";
        node = node.Length > 200 ? node[..200] : node;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await runner.RunNextAsync(node, stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database briefly away: the queue is still there at the next poll.
                PollFailed(logger, ex);
            }

            try
            {
                await signal.WaitAsync(pollEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for background jobs failed; the worker tries again at the next poll")]
    private static partial void PollFailed(ILogger logger, Exception exception);
}
