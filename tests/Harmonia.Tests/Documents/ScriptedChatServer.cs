using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Harmonia.Tests.Documents;

/// <summary>
/// A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol and plays scripted answers,
/// so tailoring is tested through the same client, wire format and parsing as a real model.
/// </summary>
internal sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string Content)> _answers = new();

    private ScriptedChatServer(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    public Uri Endpoint => new(_app.Urls.First() + "/v1");

    public static async Task<ScriptedChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedChatServer(app);
        app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            server.Requests.Enqueue(JsonDocument.Parse(await new StreamReader(request.Body).ReadToEndAsync()).RootElement.Clone());
            if (!server._answers.TryDequeue(out var answer))
            {
                return Results.StatusCode(500);
            }

            return answer.Status != 200
                ? Results.StatusCode(answer.Status)
                : Results.Json(new
                {
                    id = "chatcmpl-scripted",
                    @object = "chat.completion",
                    created = 1_764_300_000,
                    model = "scripted",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = answer.Content }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
                });
        });
        await app.StartAsync();
        return server;
    }

    public void Answer(string content) => _answers.Enqueue((200, content));

    public void Fail(int status) => _answers.Enqueue((status, string.Empty));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
