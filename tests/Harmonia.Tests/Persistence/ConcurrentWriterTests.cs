using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Harmonia.Tests.Persistence;

/// <summary>
/// Issue item 9: writers of one organization at the same moment race for the audit trail's next sequence and for the
/// next NC-n / O-n key. The loser of a race is renumbered and saved again, never answered with a 500.
/// </summary>
public sealed class ConcurrentWriterTests(ITestOutputHelper output)
{
    private const int Writers = 8;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Parallel_requests_raise_consecutive_nonconformities_and_objectives_and_keep_the_chain_intact(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var audit = await ExpectAsync(await contributor.PostAsync(Url($"{api}/audits"), Json("""
            {"key":"IA-RACE","title":"Audit under load","frameworks":["iso27001-2022"],"plannedStart":"2026-05-04","plannedEnd":"2026-05-08","auditors":["Lead auditor"]}
            """)), HttpStatusCode.Created);
        var auditUrl = $"{api}/audits/{audit.GetProperty("id").GetString()}";
        var items = (await ExpectAsync(await contributor.GetAsync(Url(auditUrl)), HttpStatusCode.OK)).GetProperty("checklist").EnumerateArray()
            .Select(r => r.GetProperty("item").GetProperty("key").GetString()!).Take(Writers).ToArray();
        var objectivesBefore = (await ExpectAsync(await contributor.GetAsync(Url($"{api}/objectives?includeRetired=true")), HttpStatusCode.OK)).GetProperty("total").GetInt32();

        using var retries = new RetryCount();
        var results = items.Select(item => Task.Run(async () => await ExpectAsync(
            await contributor.PostAsync(Url(auditUrl + "/results"), Json($$"""{"itemKey":"{{item}}","grade":"MajorNonconformity","note":"Found under load at {{item}}."}""")),
            HttpStatusCode.OK))).ToArray();
        var objectives = Enumerable.Range(1, Writers).Select(i => Task.Run(async () => await ExpectAsync(
            await contributor.PostAsync(Url($"{api}/objectives"), Json($$"""{"title":"Objective {{i}} set under load","system":"ai","measure":"Share of models with a model card","unit":"%","target":90,"direction":"at-least","owner":"AI Governance Lead","frequency":"quarterly"}""")),
            HttpStatusCode.Created))).ToArray();
        await Task.WhenAll(results.Concat(objectives));
        output.WriteLine($"{provider}: {2 * Writers} parallel writes, {retries.Value} saves renumbered and repeated after losing a race, at most {retries.MostFailedAttempts} lost by one save.");

        var raised = results.Select(r => r.Result.GetProperty("raised")).ToArray();
        Assert.Equal(Enumerable.Range(1, Writers).Select(n => $"NC-{n}"), raised.Select(r => r.GetProperty("key").GetString()!).OrderBy(Number));
        Assert.All(raised, r => Assert.Equal(r.GetProperty("key").GetString(), r.GetProperty("nonconformity").GetProperty("id").GetString()));
        var stored = (await ExpectAsync(await contributor.GetAsync(Url($"{api}/nonconformities")), HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(Writers, stored.Length);
        Assert.All(stored, n => Assert.Equal(n.GetProperty("key").GetString(), n.GetProperty("nonconformity").GetProperty("id").GetString()));
        Assert.Equal(
            Enumerable.Range(objectivesBefore + 1, Writers).Select(n => $"O-{n}"),
            objectives.Select(o => o.Result.GetProperty("key").GetString()!).OrderBy(Number));

        var verified = await ExpectAsync(await owner.GetAsync(Url($"{api}/audit-trail/verify")), HttpStatusCode.OK);
        Assert.True(verified.GetProperty("firstBroken").ValueKind == JsonValueKind.Null, verified.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Writers_racing_with_the_same_etag_get_one_success_and_412s_never_a_500(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var control = await host.NewControlAsync(host.OrganizationA);
        var url = Url($"{api}/controls/{control}");
        for (var round = 0; round < 10; round++)
        {
            using var read = await contributor.GetAsync(url);
            var etag = read.Headers.ETag!.Tag;
            var body = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
            var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, url)
                {
                    Content = Json($$"""{"key":{{JsonSerializer.Serialize(body.GetProperty("key").GetString())}},"name":"Renamed in round {{round}} by writer {{writer}}","status":"implemented","requirements":[]}"""),
                };
                request.Headers.IfMatch.ParseAdd(etag);
                using var response = await contributor.SendAsync(request);
                return response.StatusCode;
            })));

            Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.PreconditionFailed }));
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_competitor_that_writes_between_reading_and_saving_is_numbered_before_and_the_save_after_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid organization, auditId;
        await using (var scope = database.Scope("alice"))
        {
            organization = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(PersistenceTests.Acme()))).OrganizationId;
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
            auditId = (await scope.ServiceProvider.GetRequiredService<PlanAuditHandler>().HandleAsync(new(
                "IA-1", "Policy audit", null, ["iso27001-2022:5.2", "iso27001-2022:5.3"], null, null, null, null, new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 5), ["Internal auditor"]))).Id;
        }

        // After the first writer has read what it needs and just before its save, a second writer raises a nonconformity
        // of its own and takes NC-1 and the audit trail's next sequence numbers. Saves are serialized per organization
        // (issue 20): the first save numbers inside its lock, after the competitor, and needs no second attempt.
        NonconformityDto? competitor = null;
        var interceptor = new CompetitorBeforeFirstSave(async () =>
        {
            await using var scope = database.Scope("bob");
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
            competitor = (await scope.ServiceProvider.GetRequiredService<RecordAuditResultHandler>().HandleAsync(
                auditId, new("iso27001-2022:5.3", "MajorNonconformity", "Roles are not assigned.", null)))!.Raised;
        });
        var tenant = new TenantScope();
        tenant.Enter(organization);
        var actor = new AuditActor { Name = "alice" };
        await using (var db = Context(provider, database.Settings.ConnectionString, interceptor, tenant, actor))
        {
            var recorded = await new RecordAuditResultHandler(db, LoadedContent.Shipped, actor, TimeProvider.System).HandleAsync(
                auditId, new("iso27001-2022:5.2", "MajorNonconformity", "The policy was never approved.", null));

            Assert.Equal(1, interceptor.Saves);
            Assert.Equal("NC-1", competitor!.Key);
            Assert.Equal(("NC-2", "NC-2"), (recorded!.Raised!.Key, recorded.Raised.Nonconformity.Id));
        }

        await using (var scope = database.Scope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            var stored = await db.Nonconformities.OrderBy(n => n.Key).ToListAsync();
            Assert.Equal(["NC-1", "NC-2"], stored.Select(n => n.Key));
            Assert.All(stored, n => Assert.Equal(n.Key, NonconformityJson.Read(n.Json).Id));

            // Only the saved attempt is on the trail: one event per row, the renumbered key in it.
            var events = await db.AuditEvents.Where(e => e.EntityType == nameof(NonconformityRecord)).ToListAsync();
            Assert.Equal(2, events.Count);
            Assert.Single(events, e => e.Actor == "alice" && e.Changes.Contains("\"NC-2\"", StringComparison.Ordinal));
            Assert.True((await scope.ServiceProvider.GetRequiredService<VerifyAuditTrailHandler>().HandleAsync(new VerifyAuditTrailRequest(organization))).Intact);
        }
    }

    private static HarmoniaDbContext Context(DatabaseProvider provider, string connectionString, IInterceptor interceptor, TenantScope tenant, AuditActor actor) => provider == DatabaseProvider.Sqlite
        ? new SqliteHarmoniaDbContext(new DbContextOptionsBuilder<SqliteHarmoniaDbContext>().UseSqlite(connectionString).AddInterceptors(interceptor).Options, tenant, actor, TimeProvider.System)
        : new PostgresHarmoniaDbContext(new DbContextOptionsBuilder<PostgresHarmoniaDbContext>().UseNpgsql(connectionString).AddInterceptors(interceptor).Options, tenant, actor, TimeProvider.System);

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static int Number(string key) => int.Parse(key[(key.IndexOf('-', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The answer's JSON; fails with the status and the body (the problem details) when the status is another.</summary>
    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Runs a competing write as the context's first save begins its transaction (before it takes the lock); counts the attempts.</summary>
    private sealed class CompetitorBeforeFirstSave(Func<Task> firstTime) : DbTransactionInterceptor
    {
        public int Saves { get; private set; }

        public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
            System.Data.Common.DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (++Saves == 1)
            {
                await firstTime();
            }

            return result;
        }
    }

    /// <summary>How many saves were repeated after a lost race while it listened (harmonia.save.retries).</summary>
    private sealed class RetryCount : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _value;

        public RetryCount()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument is { Name: "harmonia.save.retries", Meter.Name: "Harmonia.Persistence" })
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                Interlocked.Add(ref _value, value);
                foreach (var tag in tags)
                {
                    if (tag is { Key: "attempt", Value: int attempt })
                    {
                        lock (_listener)
                        {
                            MostFailedAttempts = Math.Max(MostFailedAttempts, attempt);
                        }
                    }
                }
            });
            _listener.Start();
        }

        public long Value => Interlocked.Read(ref _value);

        /// <summary>The most attempts one save lost before it went through.</summary>
        public int MostFailedAttempts { get; private set; }

        public void Dispose() => _listener.Dispose();
    }
}
