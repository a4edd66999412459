using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Harmonia.App.Features.Documents;

/// <summary>
/// An OpenAI-compatible chat endpoint (Ollama, vLLM or a hosted model): base URL, model and key. Off unless an
/// endpoint is configured (<c>Tailoring:Endpoint</c>, <c>Tailoring:Model</c>, <c>Tailoring:ApiKey</c>).
/// </summary>
public sealed record TailoringSettings(Uri? Endpoint, string Model, string? ApiKey)
{
    public static readonly TailoringSettings Off = new(null, string.Empty, null);

    public bool Enabled => Endpoint is not null && Model.Length > 0;

    public static TailoringSettings From(string? endpoint, string? model, string? apiKey) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && !string.IsNullOrWhiteSpace(model) ? new(uri, model.Trim(), apiKey) : Off;

    /// <summary>The chat client, or null when tailoring is off. No retries: a person asked and sees the failure at once.</summary>
    public IChatClient? CreateClient() => Enabled
        ? new OpenAI.Chat.ChatClient(Model, new ApiKeyCredential(ApiKey ?? "not-needed"), new OpenAIClientOptions
        {
            Endpoint = Endpoint,
            NetworkTimeout = TimeSpan.FromSeconds(60),
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0),
            Transport = Transport,
        }).AsIChatClient()
        : null;

    // The configured endpoint is the one place documents may go; a redirect would send them (and the key) elsewhere
    // unannounced, so it is an error instead (ASVS 15.3.2). One shared client keeps connections pooled.
    private static readonly System.ClientModel.Primitives.HttpClientPipelineTransport Transport = new(
        new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan });
}
