using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Harmonia.Tests.Webhooks;

/// <summary>One request as a receiver saw it.</summary>
internal sealed record ReceivedWebhook(IHeaderDictionary Headers, string Body);

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel on a free port): it keeps every request and answers with the next status
/// of its script (the last one repeats), or with a redirect.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script;
    private int _last;

    private WebhookReceiver(WebApplication app, IEnumerable<int> statuses)
    {
        _app = app;
        _script = new ConcurrentQueue<int>(statuses);
        _last = 200;
    }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public string Url { get; private set; } = string.Empty;

    /// <summary>Forgets what was left of the script: every message from now on gets this answer.</summary>
    public void AnswerFromNowOn(int status)
    {
        _script.Clear();
        _last = status;
    }

    /// <summary>Where a 3xx answer points.</summary>
    public string? RedirectTo { get; set; }

    public static async Task<WebhookReceiver> StartAsync(params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, statuses.Length == 0 ? [200] : statuses);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Received.Enqueue(new ReceivedWebhook(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)), body));
            var status = receiver._script.TryDequeue(out var next) ? receiver._last = next : receiver._last;
            if (status is >= 300 and < 400 && receiver.RedirectTo is { } to)
            {
                context.Response.Headers.Location = to;
            }

            context.Response.StatusCode = status;
            await context.Response.WriteAsync(status is >= 200 and < 300 ? "thanks" : "not now");
        });
        await app.StartAsync();
        receiver.Url = app.Urls.Single().TrimEnd('/') + "/hooks/harmonia";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
