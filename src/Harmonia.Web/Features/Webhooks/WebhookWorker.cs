using Harmonia.App.Features.Webhooks;

namespace Harmonia.Web.Features.Webhooks;

/// <summary>
/// Every web node runs one: each Webhooks:PollEvery (five seconds) it turns new events into messages and sends the due
/// ones; nodes share the work through the database (see <see cref="DeliverWebhooksHandler"/>). Webhooks:Worker=false
/// leaves a node out.
/// </summary>
internal sealed partial class WebhookWorker(RunWebhookRound round, IConfiguration configuration, ILogger<WebhookWorker> logger) : BackgroundService
{
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool?>("Webhooks:Worker") ?? true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pollEvery = configuration.GetValue<TimeSpan?>("Webhooks:PollEvery") ?? TimeSpan.FromSeconds(5);
        if (pollEvery < TimeSpan.FromMilliseconds(100) || pollEvery > TimeSpan.FromMinutes(10))
        {
            throw new InvalidOperationException($"Webhooks:PollEvery must be between 100 ms and 10 minutes; it is {pollEvery}.");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await round.RunAsync(stoppingToken) > 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                RoundFailed(logger, ex);
            }

            try
            {
                // Straight on while there is work (a backlog after an outage drains quickly), else wait for the next poll.
                await Task.Delay(busy ? TimeSpan.FromMilliseconds(50) : pollEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook round failed; the worker tries again at the next poll")]
    private static partial void RoundFailed(ILogger logger, Exception exception);
}
