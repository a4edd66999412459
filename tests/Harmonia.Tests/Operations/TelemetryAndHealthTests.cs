using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Harmonia.Tests.Operations;

/// <summary>Issue 17, item 5: liveness and readiness probes, request ids in problems, and OTLP export to a real receiver.</summary>
public sealed class TelemetryAndHealthTests
{
    [Fact]
    public async Task Live_answers_without_dependencies_and_ready_names_each_dependency()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var client = host.Client(null);
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Empty(JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray());

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["content"] = "Healthy", ["database"] = "Healthy", ["evidence-store"] = "Healthy" }, checks);
    }

    [Fact]
    public async Task An_evidence_store_that_takes_no_file_makes_the_node_not_ready_but_still_live()
    {
        // A plain file where the evidence folder should be: nothing can be stored there.
        var blocked = Path.Combine(Path.GetTempPath(), "harmonia-blocked-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocked, "not a folder");
        try
        {
            await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Evidence:Folder"] = blocked });
            using var client = host.Client(null);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var body = await ready.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.True(body.Contains("evidence folder not writable", StringComparison.Ordinal), body);
        }
        finally
        {
            File.Delete(blocked);
        }
    }

    [Fact]
    public async Task A_problem_names_the_request_it_answers()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var client = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var response = await client.GetAsync(new Uri($"/api/orgs/{host.OrganizationB}/risks", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("requestId").GetString()), problem.ToString());
    }

    [Fact]
    public async Task Traces_reach_an_otlp_receiver_when_an_endpoint_is_configured()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = receiverBuilder.Build();
        receiver.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            received.Enqueue((context.Request.Path.Value!, buffer.ToArray()));
            return Results.Ok();
        });
        await receiver.StartAsync();
        var endpoint = receiver.Urls.Single();

        await using (var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["Telemetry:OtlpEndpoint"] = endpoint,
            // The SDK reads OTEL_* settings from configuration; a short interval lets metrics arrive while the host
            // runs instead of depending only on the flush at shutdown, which a loaded CI machine can let time out.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
        }))
        {
            using var client = host.Client(host.TokensA[OrganizationRole.Viewer]);
            Assert.True((await client.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/risks", UriKind.Relative))).IsSuccessStatusCode);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            // Wait for the request's own span too: on a loaded machine the flush at shutdown can time out before
            // the last batch, which is the one holding the request span, is sent.
            while ((!received.Any(r => r.Path == "/v1/metrics") || !received.Any(r => r.Path == "/v1/traces" && HoldsRequestSpan(r.Body)))
                && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }

        // Disposing the host flushes what the batch exporters hold.
        var traces = received.Where(r => r.Path == "/v1/traces").Select(r => Encoding.UTF8.GetString(r.Body)).ToArray();
        Assert.NotEmpty(traces);
        Assert.True(received.Any(r => r.Path == "/v1/traces" && HoldsRequestSpan(r.Body)), string.Join("\n", traces.Select(t => new string(t.Where(c => c >= ' ' && c < 127).ToArray()))));
        Assert.Contains(received, r => r.Path == "/v1/metrics");
        await receiver.StopAsync();
    }

    private static bool HoldsRequestSpan(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Contains("harmonia", StringComparison.Ordinal) && text.Contains("/api/orgs/{orgId:guid}/risks", StringComparison.Ordinal);
    }
}
