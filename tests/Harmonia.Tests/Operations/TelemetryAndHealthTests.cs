using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Webhooks;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Harmonia.Tests.Security.Asvs;
using Harmonia.Tests.Webhooks;
using Harmonia.Tests.Work;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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

        // Ready also waits for the start-up warm-up, which reads in the background for a second or two at most.
        var (status, body) = await ReadyAsync(client);
        Assert.True(status == HttpStatusCode.OK, body);
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["content"] = "Healthy", ["database"] = "Healthy", ["evidence-store"] = "Healthy", ["warm-up"] = "Healthy" }, checks);

        // Health is about dependencies only: a node that is still warming up is healthy, so /health never names the warm-up.
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.DoesNotContain("warm-up", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_still_warming_up_is_healthy_but_not_ready_and_its_log_says_so_as_a_warning_not_an_error()
    {
        var logs = new LogCollector();
        using var started = new CancellationTokenSource();
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);

            // The warm-up waits for the host's start, which this test gives it only when it has looked.
            s.AddSingleton(sp => new StartupWarmUp(sp.GetRequiredService<IServiceScopeFactory>(), new StartedOnCue(started.Token), sp.GetRequiredService<ILogger<StartupWarmUp>>()));
        });
        using var client = host.Client(null);

        using (var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var warmUp = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "warm-up");
            Assert.Equal("Degraded", warmUp.GetProperty("status").GetString());
            Assert.StartsWith("warming up", warmUp.GetProperty("description").GetString(), StringComparison.Ordinal);
        }

        using (var health = await client.GetAsync(new Uri("/health", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        var healthChecks = logs.Entries.Where(e => e.Category.StartsWith("Microsoft.Extensions.Diagnostics.HealthChecks", StringComparison.Ordinal)).ToList();
        Assert.Contains(healthChecks, e => e.Level == LogLevel.Warning && e.Message.Contains("warm-up", StringComparison.Ordinal));
        Assert.DoesNotContain(healthChecks, e => e.Level >= LogLevel.Error);

        await started.CancelAsync();
        var (status, body) = await ReadyAsync(client);
        Assert.True(status == HttpStatusCode.OK, body);
    }

    private sealed class StartedOnCue(CancellationToken started) : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => started;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    internal static async Task<(HttpStatusCode Status, string Body)> ReadyAsync(HttpClient client)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var body = await ready.Content.ReadAsStringAsync();
            if (ready.StatusCode == HttpStatusCode.OK || !body.Contains("warming up", StringComparison.Ordinal) || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                return (ready.StatusCode, body);
            }

            await Task.Delay(100);
        }
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
        await using var receiver = await StartCollectorAsync(received);
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

    [Fact]
    public async Task Jobs_mail_and_webhooks_report_their_own_spans_and_measurements()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using var collector = await StartCollectorAsync(received);
        await using var smtp = SmtpSink.Start();
        await using var hooks = await WebhookReceiver.StartAsync(200);
        var settings = new Dictionary<string, string>(smtp.Settings)
        {
            ["Telemetry:OtlpEndpoint"] = collector.Urls.Single(),
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
        };
        foreach (var (key, value) in WebhookDeliveryTests.Loopback)
        {
            settings[key] = value;
        }

        var clock = new SetClock(new DateTimeOffset(2027, 1, 5, 7, 0, 0, TimeSpan.Zero));
        string[] spans = ["scheduled job mail-delivery", "background job policy-pack", "mail send", "webhook deliver"];
        string[] measurements = ["harmonia.scheduled_job.runs", "harmonia.background_job.finished", "harmonia.job.duration", "harmonia.mail.messages", "harmonia.webhook.attempts"];
        await using (var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, settings, services: s => s.AddSingleton<TimeProvider>(clock)))
        {
            using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
            var api = $"/api/orgs/{host.OrganizationA}";
            Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsJsonAsync(new Uri($"{api}/documents/pack-jobs", UriKind.Relative), new { formats = "md" })).StatusCode);
            using var activity = await owner.PostAsync(new Uri($"{api}/recurring-activities", UriKind.Relative), new StringContent(
                """{"title":"Quarterly access review","kind":"review","rule":"FREQ=YEARLY","startsOn":"2027-01-08","ownerAccount":"contributor@a.example"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, activity.StatusCode);
            using var webhook = await owner.PostAsJsonAsync(new Uri($"{api}/webhooks", UriKind.Relative), new { url = hooks.Url, eventTypes = WebhookDeliveryTests.RiskCreated });
            var webhookId = (await webhook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("endpoint").GetProperty("id").GetGuid();
            Assert.True((await owner.PostAsync(new Uri($"{api}/webhooks/{webhookId}/test", UriKind.Relative), null)).IsSuccessStatusCode);

            // As the scheduler runs them: the sweep makes the reminder, the delivery job mails it.
            var runs = host.Services.GetRequiredService<ScheduledJobRuns>();
            var reminders = host.Services.GetRequiredService<ReminderJobs>();
            await runs.RunAsync("reminder-sweep", clock.GetUtcNow().UtcDateTime, "test", reminders.SweepAllAsync, CancellationToken.None);
            await runs.RunAsync("mail-delivery", clock.GetUtcNow().UtcDateTime, "test", reminders.DeliverAllAsync, CancellationToken.None);
            await host.Services.GetRequiredService<RunWebhookRound>().RunAsync(CancellationToken.None);
            Assert.NotEmpty(smtp.Messages);
            Assert.Single(hooks.Received);

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((!spans.All(span => Holds("/v1/traces", span)) || !measurements.All(m => Holds("/v1/metrics", m))) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }

        Assert.All(spans, span => Assert.True(Holds("/v1/traces", span), $"no span '{span}' reached the collector"));
        Assert.All(measurements, m => Assert.True(Holds("/v1/metrics", m), $"no measurement '{m}' reached the collector"));
        Assert.True(Holds("/v1/traces", "harmonia.outcome"));
        await collector.StopAsync();

        bool Holds(string signal, string text) => received.Any(r => r.Path == signal && Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));
    }

    /// <summary>An OTLP/HTTP receiver on 127.0.0.1 that keeps every posted batch with its signal path.</summary>
    private static async Task<WebApplication> StartCollectorAsync(ConcurrentQueue<(string Path, byte[] Body)> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            received.Enqueue((context.Request.Path.Value!, buffer.ToArray()));
            return Results.Ok();
        });
        await collector.StartAsync();
        return collector;
    }

    private static bool HoldsRequestSpan(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Contains("harmonia", StringComparison.Ordinal) && text.Contains("/api/orgs/{orgId:guid}/risks", StringComparison.Ordinal);
    }
}
