using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Operations;

/// <summary>
/// Issue 17 item 3: two Release web processes over one PostgreSQL behind a real nginx (deploy/nginx/two-nodes.conf.template),
/// all on 127.0.0.1. A session started on one node carries on on the other, a form rendered by one is accepted by the
/// other, a file uploaded through one downloads through the other, and a rolling restart loses no request.
/// </summary>
public sealed class TwoNodeTests
{
    private const string Email = "owner@nodes.example";
    private const string Passphrase = "a long enough passphrase";

    [Fact]
    public async Task Two_nodes_behind_nginx_share_sessions_forms_and_files_and_a_rolling_restart_loses_no_request()
    {
        var nginx = Environment.GetEnvironmentVariable("HARMONIA_NGINX") ?? "/usr/sbin/nginx";
        Assert.True(File.Exists(nginx), $"nginx is needed at {nginx} (test.sh installs the Debian package).");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var (organization, token, control) = await SeedAsync(database);

        var root = Path.Combine(Path.GetTempPath(), "harmonia-two-nodes-" + Guid.NewGuid().ToString("N"));
        var shared = new Dictionary<string, string>
        {
            // What several nodes must share besides the database (docs/deploy.md): the evidence store and the anchors.
            ["Evidence__Folder"] = Path.Combine(root, "shared", "evidence"),
            ["AuditTrail__AnchorFolder"] = Path.Combine(root, "shared", "trail-anchors"),
            ["Evidence__OrphanSweepAfter"] = "01:00:00",
            ["ReverseProxy__KnownProxies__0"] = "127.0.0.1",
            ["Database__MigrateAtStart"] = "false",
        };
        ServerProcess? a = null, b = null;
        Process? proxy = null;
        try
        {
            a = ServerProcess.Start(database.Settings, Path.Combine(root, "a"), shared);
            b = ServerProcess.Start(database.Settings, Path.Combine(root, "b"), shared);
            await Task.WhenAll(a.WaitReadyAsync(TimeSpan.FromSeconds(90)), b.WaitReadyAsync(TimeSpan.FromSeconds(90)));
            var (process, front) = await StartNginxAsync(nginx, Path.Combine(root, "nginx"), a.Port, b.Port);
            proxy = process;

            // The sign-in form comes from node A and is posted to node B: antiforgery and the cookie use keys both share.
            var cookies = new CookieContainer();
            using (var onA = Browser(a.BaseUrl, cookies))
            using (var onB = Browser(b.BaseUrl, cookies))
            {
                var form = ApiHost.HiddenFields(await onA.GetStringAsync(new Uri("/signin", UriKind.Relative)));
                form["Input.Email"] = Email;
                form["Input.Password"] = Passphrase;
                using var signedIn = await onB.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(form));
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
                Assert.DoesNotContain("/signin", signedIn.Headers.Location?.OriginalString ?? "/signin", StringComparison.Ordinal);

                // A form refused on A: the page the browser is sent to, served by B, shows the message (ADR 0023's
                // outcome is kept in the database, not in one node's memory).
                var report = new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = ApiHost.HiddenFields(await onA.GetStringAsync(new Uri($"/orgs/{organization}/ai-systems", UriKind.Relative)))["__RequestVerificationToken"],
                    ["kind"] = "incident",
                    ["aiSystem"] = "AI-77",
                    ["severity"] = "high",
                    ["description"] = "The support copilot quoted another customer's ticket.",
                    ["reportedBy"] = "Support lead",
                };
                using (var refused = await onA.PostAsync(new Uri($"/orgs/{organization}/ai-concerns/report", UriKind.Relative), new FormUrlEncodedContent(report)))
                {
                    Assert.Contains("no AI system 'AI-77'", await onB.OutcomeAsync(refused), StringComparison.Ordinal);
                }

                // The session opened on B reads pages on A, on B and through nginx (which alternates between them).
                using var viaProxy = Browser(front, cookies);
                foreach (var client in new[] { onA, onB, viaProxy, viaProxy, viaProxy, viaProxy })
                {
                    using var page = await client.GetAsync(new Uri($"/orgs/{organization}/controls", UriKind.Relative));
                    Assert.True(page.StatusCode == HttpStatusCode.OK, $"{client.BaseAddress}: {(int)page.StatusCode} {page.Headers.Location}");
                }
            }

            // A file uploaded through node A downloads, byte for byte, through node B.
            var bytes = "%PDF-1.7\n"u8.ToArray().Concat(RandomNumberGenerator.GetBytes(300_000)).ToArray();
            Guid evidenceId;
            using (var apiA = Api(a.BaseUrl, token))
            using (var upload = new MultipartFormDataContent())
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                upload.Add(file, "file", "access-review.pdf");
                upload.Add(new StringContent("Access review minutes"), "title");
                using var created = await apiA.PostAsync(new Uri($"/api/orgs/{organization}/controls/{control}/evidence/upload", UriKind.Relative), upload);
                var body = await created.Content.ReadAsStringAsync();
                Assert.True(created.StatusCode == HttpStatusCode.Created, body);
                evidenceId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
            }

            using (var apiB = Api(b.BaseUrl, token))
            {
                var downloaded = await apiB.GetByteArrayAsync(new Uri($"/api/orgs/{organization}/evidence/{evidenceId}/versions/1/file", UriKind.Relative));
                Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(downloaded));
            }

            // Rolling restart: readers keep going through nginx while A and then B are stopped and started again.
            var failures = new ConcurrentQueue<string>();
            var answered = 0;
            using var stop = new CancellationTokenSource();
            var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                using var api = Api(front, token);
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var response = await api.GetAsync(new Uri($"/api/orgs/{organization}/controls", UriKind.Relative));
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            failures.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                        }

                        Interlocked.Increment(ref answered);
                    }
                    catch (HttpRequestException e)
                    {
                        failures.Enqueue(e.Message);
                    }
                }
            })).ToArray();

            foreach (var node in new[] { "a", "b" })
            {
                var old = node == "a" ? a : b;
                await Task.Delay(1_000);
                await old.StopAsync(TimeSpan.FromSeconds(30));
                var again = ServerProcess.Start(database.Settings, Path.Combine(root, node), shared, old.Port);
                await old.DisposeAsync();
                if (node == "a")
                {
                    a = again;
                }
                else
                {
                    b = again;
                }

                await again.WaitReadyAsync(TimeSpan.FromSeconds(90));
            }

            await Task.Delay(1_000);
            await stop.CancelAsync();
            await Task.WhenAll(readers);
            Assert.True(failures.IsEmpty, $"{failures.Count} of {answered} requests failed during the rolling restart: {string.Join(" | ", failures.Take(5))}");
            Assert.True(answered > 20, $"only {answered} requests were made during the restart");
        }
        finally
        {
            if (proxy is { HasExited: false })
            {
                proxy.Kill(entireProcessTree: true);
                await proxy.WaitForExitAsync();
            }

            proxy?.Dispose();
            foreach (var node in new[] { a, b })
            {
                if (node is not null)
                {
                    await node.DisposeAsync();
                }
            }

            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A file a stopping process still held: the temporary folder is cleaned by the system later.
            }
        }
    }

    private static HttpClient Browser(string baseUrl, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

    private static HttpClient Api(string baseUrl, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<(Process Process, string BaseUrl)> StartNginxAsync(string nginx, string prefix, int nodeA, int nodeB)
    {
        Directory.CreateDirectory(prefix);
        var port = ServerProcess.FreePort();
        var template = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "two-nodes.conf.template"));
        var configuration = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(configuration, template
            .Replace("{{PREFIX}}", prefix, StringComparison.Ordinal)
            .Replace("{{PORT}}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{NODE_A}}", $"127.0.0.1:{nodeA}", StringComparison.Ordinal)
            .Replace("{{NODE_B}}", $"127.0.0.1:{nodeB}", StringComparison.Ordinal));
        var start = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", prefix, "-c", configuration })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var baseUrl = $"http://127.0.0.1:{port}";
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri(baseUrl + "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return (process, baseUrl);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("nginx did not answer within 30 s.");
    }

    private static async Task<(Guid Organization, string Token, Guid Control)> SeedAsync(TestDatabase database)
    {
        Guid user;
        await using (var scope = database.Scope("setup"))
        {
            user = (await scope.ServiceProvider.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest(Email, Passphrase))).Id;
        }

        Guid organization;
        await using (var scope = database.Scope("setup"))
        {
            organization = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new(Persistence.PersistenceTests.Acme()))).OrganizationId;
        }

        await using (var scope = database.Scope("setup"))
        {
            await scope.ServiceProvider.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(organization, Email, OrganizationRole.Owner));
        }

        await using (var scope = database.Scope("setup"))
        {
            var token = (await scope.ServiceProvider.GetRequiredService<CreateAccessTokenHandler>().HandleAsync(new CreateAccessTokenRequest(organization, user, "two nodes"))).Token;
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
            var control = await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Controls.OrderBy(c => c.Key).Select(c => c.Id).FirstAsync();
            return (organization, token, control);
        }
    }
}
