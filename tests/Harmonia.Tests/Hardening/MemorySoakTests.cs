using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Harmonia.Tests.Hardening;

/// <summary>
/// Issue 20, item 4: the server's memory stays flat under an hour-equivalent of mixed load, run in bounded time against
/// the real server process. Four workers, each in its own organization, repeat a cycle that changes the organization (so
/// the gap reports after it are new ones, which is what made the old cache keep hundreds of stale reports and grow by a
/// gigabyte), then reads both gap reports in every format, the dashboard, the risk list and the audit trail, creates a
/// risk, saves the answers, uploads and downloads evidence and generates one document.
/// The server's resident memory is sampled from /proc as the requests go; after the warm-up, the median of the last third
/// of the samples must stay within max(+20 %, +80 MB) of the median of the first third (the old cache, put back for a
/// trial, ended 121 MB above the first third and failed it). The samples go to the test
/// output and to artifacts/soak-summary.txt.
/// </summary>
public sealed class MemorySoakTests(ITestOutputHelper output)
{
    private const int Workers = 4;
    private const int OperationsPerCycle = 18;
    private const int SampleEvery = 40;
    private const double WarmUpShare = 0.2;
    private const double GrowthFactor = 1.2;
    private const long GrowthFloorBytes = 80L * 1024 * 1024;

    /// <summary>How many requests the soak sends; HARMONIA_SOAK_REQUESTS overrides it for a longer run by hand.</summary>
    private static int Requests => int.TryParse(Environment.GetEnvironmentVariable("HARMONIA_SOAK_REQUESTS"), out var n) && n >= 400 ? n : 4400;

    public static string SummaryFile => Path.Combine(RepositoryPaths.Root, "artifacts", "soak-summary.txt");

    [Fact]
    public async Task Server_memory_stays_flat_under_an_hour_equivalent_of_mixed_load()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Path.Combine(Path.GetTempPath(), "harmonia-soak-" + Guid.NewGuid().ToString("N"));
        try
        {
            var tenants = await SeedAsync(database);
            await using var server = ServerProcess.Start(database.Settings, folder);
            await server.WaitReadyAsync(TimeSpan.FromSeconds(90));
            using var browser = await SignInAsync(server.BaseUrl);
            var answers = JsonNode.Parse(Documents.DocumentControlTests.AcmeAnswersJson())!;

            var statuses = new ConcurrentDictionary<string, int>();
            var failures = new ConcurrentQueue<string>();
            var samples = new ConcurrentQueue<(int Requests, double Seconds, long Bytes)>();
            var clock = Stopwatch.StartNew();
            var sent = 0;
            samples.Enqueue((0, 0, server.ResidentBytes()));

            async Task<string> SendAsync(HttpClient client, HttpRequestMessage request, string operation)
            {
                using (request)
                using (var response = await client.SendAsync(request))
                {
                    var body = await response.Content.ReadAsStringAsync();
                    statuses.AddOrUpdate($"{(int)response.StatusCode}", 1, (_, c) => c + 1);
                    if (!response.IsSuccessStatusCode)
                    {
                        failures.Enqueue($"{operation}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
                    }

                    var count = Interlocked.Increment(ref sent);
                    if (count % SampleEvery == 0)
                    {
                        samples.Enqueue((count, clock.Elapsed.TotalSeconds, server.ResidentBytes()));
                    }

                    return body;
                }
            }

            async Task WorkerAsync(int worker)
            {
                var (organization, token, control) = tenants[worker - 1];
                using var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
                api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var root = $"/api/orgs/{organization}";
                var risk = JsonDocument.Parse(await SendAsync(api, Post($"{root}/risks", RiskJson($"R-SOAK-{worker}", "first rating")), "create risk")).RootElement;
                var (riskId, riskVersion) = (risk.GetProperty("id").GetString(), risk.GetProperty("version").GetInt32());
                var cycles = Requests / Workers / OperationsPerCycle;
                for (var cycle = 0; cycle < cycles; cycle++)
                {
                    var id = $"{worker}-{cycle}";

                    // A change first, so every report read after it is a new one.
                    using (var update = new HttpRequestMessage(HttpMethod.Put, $"{root}/risks/{riskId}") { Content = RiskJson($"R-SOAK-{worker}", $"rating of cycle {cycle}") })
                    {
                        update.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{riskVersion}\""));
                        riskVersion = JsonDocument.Parse(await SendAsync(api, update, "update risk")).RootElement.GetProperty("version").GetInt32();
                    }

                    foreach (var format in new[] { "json", "md", "html" })
                    {
                        await SendAsync(api, Get($"{root}/gap/iso42001-2023?format={format}"), $"gap {format}");
                    }

                    foreach (var format in new[] { "json", "md", "html" })
                    {
                        await SendAsync(api, Get($"{root}/gap/iso27001-2022?format={format}"), $"gap 27001 {format}");
                    }

                    await SendAsync(api, Get($"{root}/gap/iso42001-2023?result=open"), "gap filtered");
                    await SendAsync(browser, Get($"/orgs/{organization}/gap/iso42001-2023/export?format=md"), "gap page download");
                    await SendAsync(browser, Get($"/orgs/{organization}"), "dashboard");
                    await SendAsync(api, Get($"{root}/risks?pageSize=50"), "risk list");
                    await SendAsync(api, Post($"{root}/risks", RiskJson($"R-SOAK-{id}", "another risk")), "create risk");
                    var mine = answers.DeepClone();
                    mine["answers"]!["org.short_name"] = $"Acme {id}";
                    await SendAsync(api, new HttpRequestMessage(HttpMethod.Put, $"{root}/answers") { Content = Json(mine.ToJsonString()) }, "save answers");
                    var upload = new MultipartFormDataContent
                    {
                        { new StringContent($"Minutes {id}"), "title" },
                        { new StringContent("2026-04-01"), "effectiveOn" },
                        { new ByteArrayContent(Encoding.UTF8.GetBytes($"Minutes of review {id}\n" + string.Concat(Enumerable.Repeat($"line {id}\n", 2_000)))), "file", $"minutes-{id}.txt" },
                    };
                    var evidence = JsonDocument.Parse(await SendAsync(api, new HttpRequestMessage(HttpMethod.Post, $"{root}/controls/{control}/evidence/upload") { Content = upload }, "upload evidence")).RootElement.GetProperty("id").GetString();
                    await SendAsync(api, Get($"{root}/evidence/{evidence}/versions/1/file"), "download evidence");
                    await SendAsync(api, Post($"{root}/documents/generate", Json("""{"templateIds":["ai-policy"]}""")), "generate document");
                    await SendAsync(api, Get($"{root}/audit-trail?pageSize=50"), "audit trail");
                    await SendAsync(api, Get($"{root}/documents"), "document list");
                }
            }

            await Task.WhenAll(Enumerable.Range(1, Workers).Select(w => Task.Run(() => WorkerAsync(w))));
            samples.Enqueue((sent, clock.Elapsed.TotalSeconds, server.ResidentBytes()));

            var all = samples.OrderBy(s => s.Requests).ToArray();
            var measured = all.Where(s => s.Requests >= sent * WarmUpShare).ToArray();
            var third = Math.Max(1, measured.Length / 3);
            var first = Median(measured.Take(third).Select(s => s.Bytes));
            var last = Median(measured.Skip(measured.Length - third).Select(s => s.Bytes));
            var bound = Math.Max((long)(first * GrowthFactor), first + GrowthFloorBytes);
            var summary = Summary(all, sent, clock.Elapsed, statuses, first, last, bound);
            output.WriteLine(summary);
            Directory.CreateDirectory(Path.GetDirectoryName(SummaryFile)!);
            await File.WriteAllTextAsync(SummaryFile, summary);

            Assert.True(failures.IsEmpty, $"{failures.Count} requests failed, the first: {string.Join("\n", failures.Take(5))}");
            Assert.True(measured.Length >= 9, $"only {measured.Length} samples after the warm-up");
            Assert.True(last <= bound, $"server memory grew: median RSS {Mb(first)} in the first third after warm-up, {Mb(last)} in the last (bound {Mb(bound)})\n{summary}");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Summary((int Requests, double Seconds, long Bytes)[] samples, int sent, TimeSpan elapsed, IReadOnlyDictionary<string, int> statuses, long first, long last, long bound)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Memory soak: {sent} requests by {Workers} workers in {elapsed.TotalSeconds:0} s (statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Server RSS, median after the first {WarmUpShare:P0} of requests: first third {Mb(first)}, last third {Mb(last)}, bound {Mb(bound)} (max of +{GrowthFactor - 1:P0} and +{Mb(GrowthFloorBytes)}): {(last <= bound ? "flat" : "GREW")}.");
        text.AppendLine("requests  seconds  rss_mb");
        foreach (var (requests, seconds, bytes) in samples)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{requests,8}  {seconds,7:0.0}  {bytes / (1024.0 * 1024.0),6:0.0}");
        }

        return text.ToString();
    }

    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0", CultureInfo.InvariantCulture) + " MB";

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static StringContent RiskJson(string key, string title) => Json($$"""
        {"key":"{{key}}","title":"{{title}}","categories":["robustness"],"inherentLikelihood":2,"inherentImpact":3,"treatment":"accept","residualLikelihood":2,"residualImpact":3}
        """);

    /// <summary>A browser-like client signed in through the sign-in form: the dashboard and page downloads take the cookie only.</summary>
    private static async Task<HttpClient> SignInAsync(string baseUrl)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(120),
        };
        var form = ApiHost.HiddenFields(await client.GetStringAsync(new Uri("/signin", UriKind.Relative)));
        form["Input.Email"] = "owner@soak.example";
        form["Input.Password"] = "a long enough passphrase";
        using var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>One organization per worker, so a worker's reads after its own change all see the same report; one owner of all.</summary>
    private static async Task<(Guid Organization, string Token, Guid Control)[]> SeedAsync(TestDatabase database)
    {
        Guid user;
        await using (var scope = database.Scope("setup"))
        {
            user = (await scope.ServiceProvider.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest("owner@soak.example", "a long enough passphrase"))).Id;
        }

        var tenants = new List<(Guid, string, Guid)>();
        for (var worker = 1; worker <= Workers; worker++)
        {
            Guid organization;
            await using (var scope = database.Scope("setup"))
            {
                var acme = Persistence.PersistenceTests.Acme();
                organization = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new(acme with { Profile = acme.Profile with { Name = $"Acme {worker}" } }))).OrganizationId;
            }

            await using (var scope = database.Scope("setup"))
            {
                await scope.ServiceProvider.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(organization, "owner@soak.example", OrganizationRole.Owner));
            }

            string token;
            await using (var scope = database.Scope("setup"))
            {
                token = (await scope.ServiceProvider.GetRequiredService<CreateAccessTokenHandler>().HandleAsync(new CreateAccessTokenRequest(organization, user, "soak"))).Token;
            }

            await using (var scope = database.Scope("setup"))
            {
                scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
                var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
                var control = new ControlRecord { Key = "C-SOAK", Name = "Control under the soak", Status = "planned" };
                db.Controls.Add(control);
                await db.SaveChangesAsync();
                tenants.Add((organization, token, control.Id));
            }
        }

        return [.. tenants];
    }
}
