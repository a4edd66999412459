using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Harmonia.Tests.Hardening;

/// <summary>
/// Issue 20, item 3: the server process killed with SIGKILL while writers create risks, upload evidence files, save
/// answers and report AI concerns, then started again. No acknowledged write may be lost, SQLite's integrity check
/// must pass, the audit trail must verify, and no evidence row may lack its file. And a start killed while it migrates
/// a fresh database must not stop the next start from coming up with every migration applied.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Writers = 6;
    private const int Kills = 2;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Kill_9_under_write_load_loses_no_acknowledged_write(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = Path.Combine(Path.GetTempPath(), "harmonia-crash-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (organization, token, control) = await SeedAsync(database);
            var answers = JsonNode.Parse(Documents.DocumentControlTests.AcmeAnswersJson())!;
            var acknowledged = new ConcurrentBag<(string Kind, string Value)>();
            var attempted = 0;

            for (var kill = 1; kill <= Kills; kill++)
            {
                await using var server = ServerProcess.Start(database.Settings, folder);
                await server.WaitReadyAsync(TimeSpan.FromSeconds(90));
                using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var api = $"/api/orgs/{organization}";
                var before = acknowledged.Count;
                using var stop = new CancellationTokenSource();

                async Task WriterAsync(int writer)
                {
                    for (var n = 0; !stop.IsCancellationRequested; n++)
                    {
                        var id = $"{kill}-{writer}-{n}";
                        Interlocked.Increment(ref attempted);
                        try
                        {
                            switch (n % 4)
                            {
                                case 0:
                                    using (var response = await client.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Json($$"""{"key":"R-K{{id}}","title":"Risk {{id}}","categories":["robustness"],"inherentLikelihood":2,"inherentImpact":3,"treatment":"accept","residualLikelihood":2,"residualImpact":3}"""), stop.Token))
                                    {
                                        await AcknowledgeAsync(response, "risk", r => r.GetProperty("key").GetString()!);
                                    }

                                    break;
                                case 1:
                                    // Large enough that the write to disk takes a moment, so some kills land mid-upload.
                                    var bytes = Encoding.UTF8.GetBytes($"Evidence file {id}\n" + string.Concat(Enumerable.Repeat($"line of {id}\n", 20_000)));
                                    using (var form = new MultipartFormDataContent { { new StringContent($"Upload {id}"), "title" }, { new StringContent("2026-04-01"), "effectiveOn" }, { new ByteArrayContent(bytes), "file", $"upload-{id}.txt" } })
                                    using (var response = await client.PostAsync(new Uri($"{api}/controls/{control}/evidence/upload", UriKind.Relative), form, stop.Token))
                                    {
                                        await AcknowledgeAsync(response, "evidence", r => $"{r.GetProperty("id").GetString()}:{Convert.ToHexStringLower(SHA256.HashData(bytes))}");
                                    }

                                    break;
                                case 2:
                                    var mine = answers.DeepClone();
                                    mine["answers"]!["org.short_name"] = $"Acme {id}";
                                    using (var response = await client.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Json(mine.ToJsonString()), stop.Token))
                                    {
                                        await AcknowledgeAsync(response, "answers", r => $"{r.GetProperty("version").GetInt32()}:Acme {id}");
                                    }

                                    break;
                                default:
                                    using (var response = await client.PostAsync(new Uri($"{api}/ai-concerns", UriKind.Relative), Json($$"""{"kind":"concern","aiSystem":"AI-01","severity":"low","description":"Concern {{id}}.","reportedBy":"Writer {{writer}}"}"""), stop.Token))
                                    {
                                        await AcknowledgeAsync(response, "concern", r => r.GetProperty("key").GetString()!);
                                    }

                                    break;
                            }
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                        {
                            // The server is gone (or going): this write was never acknowledged.
                            await Task.Delay(20, CancellationToken.None);
                        }
                    }
                }

                async Task AcknowledgeAsync(HttpResponseMessage response, string kind, Func<JsonElement, string> value)
                {
                    // Read the whole answer first: a write counts as acknowledged only once its 2xx answer arrived complete.
                    var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    Assert.True((int)response.StatusCode < 500, $"{kind}: {(int)response.StatusCode} {body}");
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add((kind, value(JsonDocument.Parse(body).RootElement)));
                    }
                }

                var writers = Enumerable.Range(1, Writers).Select(w => Task.Run(() => WriterAsync(w))).ToArray();
                for (var waited = 0; acknowledged.Count - before < 40 && waited < 600; waited++)
                {
                    await Task.Delay(50);
                }

                await server.KillAsync();
                await Task.Delay(200);
                await stop.CancelAsync();
                await Task.WhenAll(writers);
                output.WriteLine($"{provider}, kill {kill}: {acknowledged.Count - before} writes acknowledged before SIGKILL.");
            }

            // Started again after the last kill: it comes up and takes writes.
            await using (var server = ServerProcess.Start(database.Settings, folder))
            {
                await server.WaitReadyAsync(TimeSpan.FromSeconds(90));
                using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var after = await client.PostAsync(new Uri($"/api/orgs/{organization}/ai-concerns", UriKind.Relative), Json("""{"kind":"concern","severity":"low","description":"After the kills.","reportedBy":"Check"}"""));
                Assert.True(after.IsSuccessStatusCode, await after.Content.ReadAsStringAsync());
                await server.KillAsync();
            }

            await AssertNothingLostAsync(database, provider, organization, Path.Combine(folder, "evidence"), acknowledged.ToArray(), attempted);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_start_killed_while_migrating_does_not_block_the_next_start(DatabaseProvider provider)
    {
        var interrupted = false;
        for (var attempt = 0; attempt < 6 && !interrupted; attempt++)
        {
            await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
            var folder = Path.Combine(Path.GetTempPath(), "harmonia-migrate-kill-" + Guid.NewGuid().ToString("N"));
            try
            {
                bool began;
                await using (var first = ServerProcess.Start(database.Settings, folder))
                {
                    // Kill a little after the migration began; later on each attempt in case it runs faster than that.
                    for (var waited = 0; !first.Printed("Applying") && !first.HasExited && waited < 3000; waited++)
                    {
                        await Task.Delay(5);
                    }

                    began = first.Printed("Applying");
                    await Task.Delay(30 * attempt);
                    await first.KillAsync();
                }

                int pending;
                await using (var scope = database.Scope())
                {
                    pending = (await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Database.GetPendingMigrationsAsync()).Count();
                }

                interrupted = began && pending > 0;
                output.WriteLine($"{provider}, attempt {attempt + 1}: killed with {pending} migrations still pending.");

                await using (var second = ServerProcess.Start(database.Settings, folder))
                {
                    await second.WaitReadyAsync(TimeSpan.FromSeconds(60));
                    await using var scope = database.Scope();
                    Assert.Empty(await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Database.GetPendingMigrationsAsync());
                    if (interrupted)
                    {
                        output.WriteLine(string.Join('\n', second.Log.Split('\n').Where(l => l.Contains("migration", StringComparison.OrdinalIgnoreCase))));
                    }
                }
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        Assert.True(interrupted, "Every start finished migrating before it was killed; no attempt interrupted a migration.");
    }

    private async Task AssertNothingLostAsync(TestDatabase database, DatabaseProvider provider, Guid organization, string evidenceFolder, (string Kind, string Value)[] acknowledged, int attempted)
    {
        string[] Of(string kind) => acknowledged.Where(a => a.Kind == kind).Select(a => a.Value).ToArray();
        await using var scope = database.Scope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
        var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();

        var risks = await db.Risks.Select(r => r.Key).ToListAsync();
        Assert.Subset(risks.ToHashSet(), Of("risk").ToHashSet());

        var concerns = await db.AiConcerns.Select(c => c.Key).ToListAsync();
        Assert.Subset(concerns.ToHashSet(), Of("concern").ToHashSet());
        Assert.Equal(Enumerable.Range(1, concerns.Count).Select(n => $"CON-{n}"), concerns.OrderBy(k => int.Parse(k[4..], System.Globalization.CultureInfo.InvariantCulture)));

        var versions = await db.AnswerSets.Select(a => new { a.Version, a.Json }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v.Version).Order());
        foreach (var saved in Of("answers"))
        {
            var colon = saved.IndexOf(':', StringComparison.Ordinal);
            Assert.Contains(saved[(colon + 1)..], versions.Single(v => v.Version == int.Parse(saved[..colon], System.Globalization.CultureInfo.InvariantCulture)).Json, StringComparison.Ordinal);
        }

        // Every acknowledged upload has its row and its file, byte for byte; no row points at a missing or different file.
        var files = await db.EvidenceVersions.Where(v => v.Sha256 != null).Select(v => new { v.EvidenceId, v.Sha256 }).ToListAsync();
        foreach (var upload in Of("evidence"))
        {
            var (id, sha) = (Guid.Parse(upload[..upload.IndexOf(':', StringComparison.Ordinal)]), upload[(upload.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            Assert.Contains(files, f => f.EvidenceId == id && f.Sha256 == sha);
        }

        foreach (var sha in files.Select(f => f.Sha256!).Distinct())
        {
            var path = Path.Combine(evidenceFolder, sha[..2], sha[2..4], sha);
            Assert.True(File.Exists(path), $"The row of file {sha} has no file.");
            await using var stream = File.OpenRead(path);
            Assert.Equal(sha, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)));
        }

        // Files in the store that no row names: an upload killed after its file was placed and before its row committed.
        // A retry of the same bytes reuses such a file (the store is content-addressed); report them.
        var referenced = files.Select(f => f.Sha256!).ToHashSet(StringComparer.Ordinal);
        var stored = Directory.Exists(evidenceFolder)
            ? Directory.GetFiles(evidenceFolder, "*", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}incoming{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToArray()
            : [];
        var orphans = stored.Count(f => !referenced.Contains(Path.GetFileName(f)));
        var incoming = Directory.Exists(Path.Combine(evidenceFolder, "incoming")) ? Directory.GetFiles(Path.Combine(evidenceFolder, "incoming")).Length : 0;

        var trail = await scope.ServiceProvider.GetRequiredService<VerifyAuditTrailHandler>().HandleAsync(new(organization));
        Assert.True(trail.Intact, trail.FirstBroken);

        string? integrity = null;
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.Settings.ConnectionString);
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            integrity = (string?)await check.ExecuteScalarAsync();
            Assert.Equal("ok", integrity);
        }

        output.WriteLine($"{provider}: {Kills} kills, {attempted} writes attempted, {acknowledged.Length} acknowledged, 0 lost; {files.Count} evidence files with rows, {orphans} placed without a row, {incoming} temporary left in incoming; trail {trail.Events} events intact; integrity {integrity ?? "n/a"}.");
        Assert.Equal(0, orphans);
    }

    private static async Task<(Guid Organization, string Token, Guid Control)> SeedAsync(TestDatabase database)
    {
        Guid organization;
        await using (var scope = database.Scope("setup"))
        {
            organization = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new(Persistence.PersistenceTests.Acme()))).OrganizationId;
        }

        Guid user;
        await using (var scope = database.Scope("setup"))
        {
            user = (await scope.ServiceProvider.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest("owner@crash.example", "a long enough passphrase"))).Id;
        }

        await using (var scope = database.Scope("setup"))
        {
            await scope.ServiceProvider.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(organization, "owner@crash.example", OrganizationRole.Owner));
        }

        string token;
        await using (var scope = database.Scope("setup"))
        {
            token = (await scope.ServiceProvider.GetRequiredService<CreateAccessTokenHandler>().HandleAsync(new CreateAccessTokenRequest(organization, user, "crash"))).Token;
        }

        await using (var scope = database.Scope("setup"))
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            var control = new ControlRecord { Key = "C-CRASH", Name = "Control under load", Status = "planned" };
            db.Controls.Add(control);
            await db.SaveChangesAsync();
            return (organization, token, control.Id);
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
