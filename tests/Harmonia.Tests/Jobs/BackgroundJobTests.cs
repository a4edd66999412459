using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Jobs;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Jobs;

/// <summary>Issue 19 item 9: the policy pack and publishing many documents run as background jobs with a progress page.</summary>
public sealed class BackgroundJobTests
{
    private static readonly string[] AiPolicy = ["ai-policy"];
    private static readonly string[] AiPolicyAndUnknown = ["ai-policy", "no-such-policy"];
    private static readonly Dictionary<string, string> NoWorker = new() { ["Jobs:Worker"] = "false" };

    [Fact]
    public async Task A_pack_prepared_in_the_background_is_the_pack_and_no_one_else_sees_the_job()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";

        using var queued = await owner.PostAsJsonAsync(new Uri($"{api}/documents/pack-jobs", UriKind.Relative), new { formats = "md,html" });
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var jobId = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        Assert.Equal($"{api}/jobs/{jobId}", queued.Headers.Location!.OriginalString);

        var job = await FinishedAsync(owner, $"{api}/jobs/{jobId}");
        var templates = host.Services.GetRequiredService<LoadedContent>().Documents.Templates.Select(t => t.Id).ToArray();
        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(templates.Length, job.GetProperty("total").GetInt32());
        Assert.Equal(templates.Length, job.GetProperty("completed").GetInt32());
        Assert.Equal(100, job.GetProperty("percent").GetInt32());
        Assert.Equal("user:owner@a.example (token", job.GetProperty("requestedBy").GetString()![..27]);
        Assert.StartsWith($"The policy pack is ready: {templates.Length} documents as MD, HTML.", job.GetProperty("outcome").GetString(), StringComparison.Ordinal);

        using var result = await owner.GetAsync(new Uri($"{api}/jobs/{jobId}/result", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("application/zip", result.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await result.Content.ReadAsByteArrayAsync()));
        using var direct = new ZipArchive(new MemoryStream(await owner.GetByteArrayAsync(new Uri($"{api}/documents/pack.zip?format=md,html", UriKind.Relative))));
        Assert.Equal(templates.SelectMany(t => new[] { t + ".md", t + ".html" }).Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(direct.Entries.Select(e => e.FullName), zip.Entries.Select(e => e.FullName));
        await using (var policy = await zip.GetEntry(templates[0] + ".md")!.OpenAsync())
        {
            Assert.True(new StreamReader(policy).ReadToEnd().Length > 200);
        }

        // The queueing is in the audit trail, under the person who asked.
        var trail = await owner.GetStringAsync(new Uri($"{api}/audit-trail?pageSize=200", UriKind.Relative));
        Assert.Contains("BackgroundJob", trail, StringComparison.Ordinal);

        // Another organization's owner: the job does not exist for them, on their route or on A's.
        using var other = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/orgs/{host.OrganizationB}/jobs/{jobId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/orgs/{host.OrganizationB}/jobs/{jobId}/result", UriKind.Relative))).StatusCode);
        Assert.False((await other.GetAsync(new Uri($"{api}/jobs/{jobId}", UriKind.Relative))).IsSuccessStatusCode);

        // A format that does not exist is refused before anything is queued.
        using var refused = await owner.PostAsJsonAsync(new Uri($"{api}/documents/pack-jobs", UriKind.Relative), new { formats = "docx,odt" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Unknown format 'odt'", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var jobs = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"{api}/jobs", UriKind.Relative))).RootElement;
        Assert.Equal(1, jobs.GetArrayLength());
    }

    [Fact]
    public async Task Publishing_in_the_background_needs_the_right_to_approve_and_something_ticked()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, NoWorker);
        var api = $"/api/orgs/{host.OrganizationA}";
        var document = await host.DocumentAsync(host.OrganizationA);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsJsonAsync(new Uri($"{api}/documents/publish-jobs", UriKind.Relative), new { documentIds = new[] { document } })).StatusCode);

        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var empty = await owner.PostAsJsonAsync(new Uri($"{api}/documents/publish-jobs", UriKind.Relative), new { documentIds = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Tick the documents to act on.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync(new Uri($"{api}/documents/publish-jobs", UriKind.Relative), new { documentIds = new[] { document, Guid.NewGuid() } })).StatusCode);
        Assert.Equal(0, await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().BackgroundJobs.IgnoreQueryFilters().CountAsync()));

        // Five open jobs per organization at most: the sixth is refused with the reason.
        for (var i = 0; i < QueueBackgroundJobHandler.MaxOpenJobs; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsJsonAsync(new Uri($"{api}/documents/pack-jobs", UriKind.Relative), new { formats = "md" })).StatusCode);
        }

        using var sixth = await owner.PostAsJsonAsync(new Uri($"{api}/documents/pack-jobs", UriKind.Relative), new { formats = "md" });
        Assert.Equal(HttpStatusCode.Conflict, sixth.StatusCode);
        Assert.Contains("still waiting or running", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_generated_in_the_background_are_the_drafts_the_direct_call_writes()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(new Uri($"{api}/documents/draft-jobs", UriKind.Relative), new { templateIds = AiPolicy })).StatusCode);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var unknown = await contributor.PostAsJsonAsync(new Uri($"{api}/documents/draft-jobs", UriKind.Relative), new { templateIds = AiPolicyAndUnknown });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Unknown document 'no-such-policy'.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().BackgroundJobs.IgnoreQueryFilters().CountAsync()));

        async Task<JsonElement> DraftAsync()
        {
            using var queued = await contributor.PostAsJsonAsync(new Uri($"{api}/documents/draft-jobs", UriKind.Relative), new { templateIds = AiPolicy });
            Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
            return await FinishedAsync(contributor, queued.Headers.Location!.OriginalString);
        }

        var first = await DraftAsync();
        Assert.Equal("done", first.GetProperty("status").GetString());
        Assert.Equal(1, first.GetProperty("total").GetInt32());
        Assert.StartsWith("1 draft generated, 0 unchanged.", first.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Contains("questionnaire answers are still missing", first.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        var documents = await contributor.GetStringAsync(new Uri($"{api}/documents", UriKind.Relative));
        Assert.Contains("ai-policy", documents, StringComparison.Ordinal);

        // The same answers again: nothing is written, exactly as the direct call reports it.
        Assert.StartsWith("0 drafts generated, 1 unchanged.", (await DraftAsync()).GetProperty("outcome").GetString(), StringComparison.Ordinal);
        using var direct = await contributor.PostAsJsonAsync(new Uri($"{api}/documents/generate", UriKind.Relative), new { templateIds = AiPolicy });
        var outcome = await direct.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 1), (outcome.GetProperty("drafts").GetInt32(), outcome.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task Two_workers_over_one_PostgreSQL_run_each_job_once_and_a_job_whose_node_fell_silent_is_taken_over()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Postgres, NoWorker);
        var jobs = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            jobs.Add(await QueueAsync(host, "user:manager@a.example", s => s.GetRequiredService<QueuePolicyPackHandler>().HandleAsync("md")));
        }

        var runner = host.Services.GetRequiredService<BackgroundJobRunner>();
        async Task DrainAsync(string node)
        {
            while (await runner.RunNextAsync(node, CancellationToken.None))
            {
            }
        }

        await Task.WhenAll(DrainAsync("node-a"), DrainAsync("node-b"));
        var rows = await RowsAsync(host);
        Assert.All(rows, r => Assert.Equal(("done", 1), (r.Status, r.Attempts)));
        Assert.Equal(jobs.Order(), rows.Select(r => r.Id).Order());
        Assert.All(rows, r => Assert.True(r.ClaimedBy is "node-a" or "node-b", r.ClaimedBy));

        // One job's node stopped talking ten minutes ago after its first attempt; another after its third.
        var silent = await QueueAsync(host, "user:manager@a.example", s => s.GetRequiredService<QueuePolicyPackHandler>().HandleAsync("md"));
        var given = await QueueAsync(host, "user:manager@a.example", s => s.GetRequiredService<QueuePolicyPackHandler>().HandleAsync("md"));
        await host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<HarmoniaDbContext>();
            var longAgo = DateTime.UtcNow.AddMinutes(-10);
            await db.BackgroundJobs.IgnoreQueryFilters().Where(j => j.Id == silent).ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, "running").SetProperty(j => j.HeartbeatUtc, longAgo).SetProperty(j => j.Attempts, 1).SetProperty(j => j.ClaimedBy, "gone"));
            return await db.BackgroundJobs.IgnoreQueryFilters().Where(j => j.Id == given).ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, "running").SetProperty(j => j.HeartbeatUtc, longAgo).SetProperty(j => j.Attempts, BackgroundJobRunner.MaxAttempts).SetProperty(j => j.ClaimedBy, "gone"));
        });
        await DrainAsync("node-a");
        rows = await RowsAsync(host);
        Assert.Equal(("done", 2, "node-a"), rows.Where(r => r.Id == silent).Select(r => (r.Status, r.Attempts, r.ClaimedBy)).Single());
        var failed = rows.Single(r => r.Id == given);
        Assert.Equal("failed", failed.Status);
        Assert.Contains("stopped 3 times", failed.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_does_not_start_for_someone_whose_right_was_taken_away_meanwhile()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, NoWorker);
        var document = await host.DocumentAsync(host.OrganizationA);
        var job = await QueueAsync(host, "user:manager@a.example", s => s.GetRequiredService<QueueDocumentPublicationHandler>().HandleAsync([document]));
        await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == host.UsersA[OrganizationRole.Manager] && m.OrganizationId == host.OrganizationA)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Role, OrganizationRole.Viewer)));

        Assert.True(await host.Services.GetRequiredService<BackgroundJobRunner>().RunNextAsync("node-a", CancellationToken.None));
        var row = (await RowsAsync(host)).Single(r => r.Id == job);
        Assert.Equal("failed", row.Status);
        Assert.Equal("Not started: manager@a.example is no longer a member allowed to do this in the organization.", row.Outcome);
        Assert.Equal(0, await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().DocumentRevisions.IgnoreQueryFilters().CountAsync(r => r.DocumentId == document && r.Status == "published")));
    }

    internal static async Task<JsonElement> FinishedAsync(HttpClient client, string jobAddress)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var job = JsonDocument.Parse(await client.GetStringAsync(new Uri(jobAddress, UriKind.Relative))).RootElement;
            if (job.GetProperty("status").GetString() is "done" or "failed")
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < until, "the job did not finish in three minutes: " + job.GetRawText());
            await Task.Delay(200);
        }
    }

    private static async Task<Guid> QueueAsync(ApiHost host, string actor, Func<IServiceProvider, Task<Guid>> queue)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = actor;
        return await queue(scope.ServiceProvider);
    }

    private static Task<List<BackgroundJobRecord>> RowsAsync(ApiHost host) =>
        host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().BackgroundJobs.IgnoreQueryFilters().AsNoTracking().ToListAsync());
}
