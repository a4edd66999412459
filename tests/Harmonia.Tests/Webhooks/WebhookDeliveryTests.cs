using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Readiness;
using Harmonia.App.Features.Webhooks;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Harmonia.Domain.Work;
using Harmonia.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Harmonia.Tests.Webhooks;

/// <summary>
/// Issue 16 item 6: webhooks on a real receiver on 127.0.0.1, which the tests' configuration allows explicitly. The
/// signature is checked with the StandardWebhooks library (an implementation that is not ours), attempts follow the
/// retry schedule with one webhook-id, and the log says what happened.
/// </summary>
public sealed class WebhookDeliveryTests
{
    internal static readonly Dictionary<string, string> Loopback = new()
    {
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:AllowedNetworks"] = "127.0.0.1/32",
        ["Webhooks:RetryDelays"] = "00:00:00.2,00:00:00.2",
    };

    internal static readonly string[] RiskCreated = ["risk.created"];

    internal static Uri Url(string path) => new(path, UriKind.Relative);

    internal static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    internal static async Task<(Guid Id, string Secret)> AddAsync(HttpClient owner, Guid organization, string url, params string[] events)
    {
        var created = await ReadAsync(await owner.PostAsJsonAsync(Url($"/api/orgs/{organization}/webhooks"), new { url, description = "Ticketing", eventTypes = events }), HttpStatusCode.Created);
        return (created.GetProperty("endpoint").GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    private static Task<int> RoundAsync(ApiHost host) => host.Services.GetRequiredService<RunWebhookRound>().RunAsync(CancellationToken.None);

    /// <summary>Runs rounds until the log has no message waiting (retries wait 0.2 s), at most 15 s.</summary>
    internal static async Task DrainAsync(ApiHost host, Guid organization)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await RoundAsync(host);
            var waiting = await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().WebhookDeliveries.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
                .CountAsync(d => d.OrganizationId == organization && (d.Status == WebhookDeliveryStatuses.Pending || d.Status == WebhookDeliveryStatuses.Sending)));
            if (waiting == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < until, $"{waiting} messages still waiting after 15 s.");
            await Task.Delay(250);
        }
    }

    internal static async Task<JsonElement[]> LogAsync(HttpClient owner, Guid organization, string query = "") =>
        [.. (await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{organization}/webhook-deliveries?pageSize=200{query}")))).GetProperty("items").EnumerateArray()];

    /// <summary>
    /// Issue 17 item 7 (ADR 0038): a webhook round looks at every organization with a webhook, so it keeps neither the
    /// readiness nor the due work it computes for one; only a person's look keeps them.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_webhook_round_keeps_no_organization_s_readiness_or_due_work_in_memory(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync(200);
        await using var host = await ApiHost.StartAsync(provider, Loopback);
        await host.WaitForWarmUpAsync();
        var cache = host.Services.GetRequiredService<Harmonia.App.Common.OrganizationResultCache>();
        bool Kept(Guid organization) => cache.Holds(organization, GetReadinessHandler.CacheKind) || cache.Holds(organization, ListDueWorkHandler.CacheKind);

        // The warm-up keeps the organization changed last before it ran; the test uses one it did not keep.
        var (organization, token) = Kept(host.OrganizationA) ? (host.OrganizationB, host.TokenB) : (host.OrganizationA, host.TokensA[OrganizationRole.Owner]);
        Assert.False(Kept(organization));
        using var owner = host.Client(token);
        await AddAsync(owner, organization, receiver.Url, "readiness.changed", "work.due", "work.overdue");
        // The first round computes both: the readiness to compare later ones with, and today's due work.
        await host.NewRiskAsync(organization);
        await DrainAsync(host, organization);
        Assert.False(cache.Holds(organization, GetReadinessHandler.CacheKind), "the webhook round kept the organization's readiness");
        Assert.False(cache.Holds(organization, ListDueWorkHandler.CacheKind), "the webhook round kept the organization's due work");

        await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{organization}/readiness")));
        Assert.True(cache.Holds(organization, GetReadinessHandler.CacheKind));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_risk_reaches_the_receiver_signed_once_and_the_log_says_delivered(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync(200);
        await using var host = await ApiHost.StartAsync(provider, Loopback);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var (webhook, secret) = await AddAsync(owner, host.OrganizationA, receiver.Url, "risk.created", "risk.deleted");
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        // What happened before the webhook existed is not sent; what happens after is, once.
        await DrainAsync(host, host.OrganizationA);
        Assert.Empty(receiver.Received);
        var risk = await host.NewRiskAsync(host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);

        var message = Assert.Single(receiver.Received);
        new StandardWebhook(secret).Verify(message.Body, message.Headers);
        var tampered = message.Body.Replace("risk.created", "risk.deleted", StringComparison.Ordinal);
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secret).Verify(tampered, message.Headers));
        var (_, otherSecret) = await AddAsync(owner, host.OrganizationA, receiver.Url + "/other", "risk.created");
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(otherSecret).Verify(message.Body, message.Headers));

        var body = JsonDocument.Parse(message.Body).RootElement;
        Assert.Equal("risk.created", body.GetProperty("type").GetString());
        var data = body.GetProperty("data");
        Assert.Equal(host.OrganizationA, data.GetProperty("organizationId").GetGuid());
        Assert.Equal("risk", data.GetProperty("record").GetProperty("kind").GetString());
        Assert.Equal(risk.ToString(), data.GetProperty("record").GetProperty("id").GetString());
        Assert.StartsWith("created risk R-", data.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("InherentLikelihood", data.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.False(data.TryGetProperty("changes", out _), "A message names the changed fields, never their values.");

        var entry = Assert.Single(await LogAsync(owner, host.OrganizationA, $"&webhook={webhook}"));
        Assert.Equal("delivered", entry.GetProperty("status").GetString());
        Assert.Equal(1, entry.GetProperty("attempts").GetInt32());
        Assert.Equal(200, entry.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(message.Headers["webhook-id"].ToString(), entry.GetProperty("messageId").GetString());

        // Another organization's Owner sees neither the webhook nor its log.
        using var other = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Url($"/api/orgs/{host.OrganizationB}/webhooks/{webhook}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Url($"/api/orgs/{host.OrganizationB}/webhook-deliveries?webhook={webhook}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(Url($"/api/orgs/{host.OrganizationB}/webhook-deliveries/{entry.GetProperty("id").GetGuid()}/redeliver"), null)).StatusCode);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(Url($"/api/orgs/{host.OrganizationA}/webhook-deliveries"))).StatusCode);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_one_webhook_id_then_given_up_and_can_be_sent_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 503, 200);
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, Loopback);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var (webhook, _) = await AddAsync(owner, host.OrganizationA, receiver.Url, "risk.created");
        await host.NewRiskAsync(host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);

        Assert.Equal(3, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Headers["webhook-id"].ToString()).Distinct());
        var delivered = Assert.Single(await LogAsync(owner, host.OrganizationA));
        Assert.Equal("delivered", delivered.GetProperty("status").GetString());
        Assert.Equal(3, delivered.GetProperty("attempts").GetInt32());

        // Three attempts in all (the first and one per delay), then the message is given up.
        await using var down = await WebhookReceiver.StartAsync(500);
        using var change = await owner.PutAsJsonAsync(Url($"/api/orgs/{host.OrganizationA}/webhooks/{webhook}"), new { url = down.Url, eventTypes = RiskCreated, enabled = true });
        await ReadAsync(change);
        await host.NewRiskAsync(host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);
        Assert.Equal(3, down.Received.Count);
        var failed = Assert.Single(await LogAsync(owner, host.OrganizationA, "&status=failed"));
        Assert.Equal(500, failed.GetProperty("lastStatusCode").GetInt32());
        Assert.Contains("Given up after 3 attempts", failed.GetProperty("lastOutcome").GetString(), StringComparison.Ordinal);
        Assert.Contains("not now", failed.GetProperty("lastOutcome").GetString(), StringComparison.Ordinal);

        // Sent again on request: same id, fresh attempts.
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(Url($"/api/orgs/{host.OrganizationA}/webhook-deliveries/{failed.GetProperty("id").GetGuid()}/redeliver"), null)).StatusCode);
        Assert.Equal("pending", (await LogAsync(owner, host.OrganizationA, "&status=pending")).Single().GetProperty("status").GetString());
        await DrainAsync(host, host.OrganizationA);
        Assert.Equal(6, down.Received.Count);
        Assert.Single(down.Received.Select(r => r.Headers["webhook-id"].ToString()).Distinct());
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_the_log_says_why()
    {
        await using var inside = await WebhookReceiver.StartAsync(200);
        await using var receiver = await WebhookReceiver.StartAsync(302);
        receiver.RedirectTo = inside.Url;
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, Loopback);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        await AddAsync(owner, host.OrganizationA, receiver.Url, "risk.created");
        await host.NewRiskAsync(host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);

        Assert.Equal(3, receiver.Received.Count);
        Assert.Empty(inside.Received);
        var entry = Assert.Single(await LogAsync(owner, host.OrganizationA));
        Assert.Equal("failed", entry.GetProperty("status").GetString());
        Assert.Contains("redirects are not followed", entry.GetProperty("lastOutcome").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook", "must start with https://")]
    [InlineData("https://127.0.0.1/hook", "inside a private, loopback or reserved network")]
    [InlineData("https://10.1.2.3/hook", "inside a private, loopback or reserved network")]
    [InlineData("https://192.168.1.20/hook", "inside a private, loopback or reserved network")]
    [InlineData("https://169.254.169.254/latest/meta-data", "inside a private, loopback or reserved network")]
    [InlineData("https://[::1]/hook", "inside a private, loopback or reserved network")]
    [InlineData("https://[::ffff:10.0.0.1]/hook", "inside a private, loopback or reserved network")]
    [InlineData("https://localhost/hook", "inside a private, loopback or reserved network")]
    [InlineData("http://hooks.example.com/hook", "must start with https://")]
    [InlineData("https://user:secret@hooks.example.com/hook", "must not carry a user name or password")]
    [InlineData("ftp://hooks.example.com/hook", "must start with https://")]
    [InlineData("not an address", "not a web address")]
    public async Task An_address_inside_the_servers_networks_is_refused_when_saved_and_nothing_is_stored(string url, string expected)
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var response = await owner.PostAsJsonAsync(Url($"/api/orgs/{host.OrganizationA}/webhooks"), new { url, eventTypes = RiskCreated });
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty((await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{host.OrganizationA}/webhooks")))).EnumerateArray());
    }

    [Fact]
    public async Task A_name_that_resolves_inside_is_refused_when_the_message_connects()
    {
        // The machine's own name resolves to its loopback or private address: accepted as a name, refused on connection.
        var name = Dns.GetHostName();
        var addresses = await Dns.GetHostAddressesAsync(name);
        var strict = Harmonia.Domain.Webhooks.WebhookAddressPolicy.Strict;
        Assert.True(addresses.Length > 0 && addresses.All(a => !strict.IsAllowed(a)), $"{name} resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}: the test needs a name that resolves inside.");

        await using var receiver = await WebhookReceiver.StartAsync(200);
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Webhooks:AllowHttp"] = "true", ["Webhooks:RetryDelays"] = "00:00:00.1" });
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var port = new Uri(receiver.Url).Port;
        await AddAsync(owner, host.OrganizationA, $"http://{name}:{port}/hooks/harmonia", "risk.created");
        await host.NewRiskAsync(host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);

        Assert.Empty(receiver.Received);
        var entry = Assert.Single(await LogAsync(owner, host.OrganizationA));
        Assert.Equal("failed", entry.GetProperty("status").GetString());
        Assert.Contains($"{name} resolves to", entry.GetProperty("lastOutcome").GetString(), StringComparison.Ordinal);
        Assert.Contains("Webhooks:AllowedNetworks", entry.GetProperty("lastOutcome").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Overdue_work_and_a_change_of_readiness_are_sent_once(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync(200);
        await using var host = await ApiHost.StartAsync(provider, Loopback);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        await AddAsync(owner, host.OrganizationA, receiver.Url, "work.overdue", "work.due", "readiness.changed");
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            db.Risks.Add(new Harmonia.App.Features.Risks.RiskRecord
            {
                Key = "R-OVERDUE",
                Title = "Stale access rights",
                Categories = "confidentiality",
                Treatment = "mitigate",
                Owner = "ISMS Manager",
                ReviewOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10),
                InherentLikelihood = 3,
                InherentImpact = 3,
                ResidualLikelihood = 2,
                ResidualImpact = 2,
            });
            return await db.SaveChangesAsync();
        });
        var due = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var work = s.GetRequiredService<ListDueWorkHandler>();
            return (await work.DeriveAsync(await work.MembersAsync())).Where(i => i.Window != DueWindow.Later).ToArray();
        });
        Assert.Contains(due, i => i.Window == DueWindow.Overdue);

        // The first look sends due work and only notes readiness; a second look sends nothing new.
        await DrainAsync(host, host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);
        string Type(ReceivedWebhook r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!;
        Assert.Equal(due.Count(i => i.Window == DueWindow.Overdue), receiver.Received.Count(r => Type(r) == "work.overdue"));
        Assert.Equal(due.Count(i => i.Window == DueWindow.ThisWeek), receiver.Received.Count(r => Type(r) == "work.due"));
        Assert.DoesNotContain(receiver.Received, r => Type(r) == "readiness.changed");

        // A major nonconformity left open changes readiness: one message, with the scores before and after.
        async Task<string> ReadinessAsync() => await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var r = await s.GetRequiredService<GetReadinessHandler>().HandleAsync(host.OrganizationA);
            return string.Join("|", r.Frameworks.Append(r.Integrated).Select(f => $"{f.Stage1.Score}/{f.Stage1.Blocking.Count}/{f.Stage2.Score}/{f.Stage2.Blocking.Count}"));
        });
        var before = await ReadinessAsync();
        await host.NewNonconformityAsync(host.OrganizationA, await host.NewAuditAsync(host.OrganizationA));
        Assert.NotEqual(before, await ReadinessAsync());
        var sent = receiver.Received.Count;
        await DrainAsync(host, host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);
        var readiness = Assert.Single(receiver.Received, r => Type(r) == "readiness.changed");
        var data = JsonDocument.Parse(readiness.Body).RootElement.GetProperty("data");
        Assert.NotEqual(data.GetProperty("readiness").GetRawText(), data.GetProperty("previous").GetRawText());
        Assert.DoesNotContain(receiver.Received.Skip(sent), r => due.Any(i => r.Body.Contains(JsonEncodedText.Encode(i.Id).ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_owner_adds_a_webhook_on_the_page_sees_the_secret_once_and_a_refusal_keeps_what_was_typed()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var browser = await host.SignedInAsync("owner@a.example");
        var path = $"/orgs/{host.OrganizationA}/webhooks";
        var page = await browser.GetStringAsync(Url(path));
        Assert.Contains("No webhook yet", page, StringComparison.Ordinal);

        var form = ApiHost.HiddenFields(page);
        var refused = new List<KeyValuePair<string, string>>(form) { new("url", "https://10.0.0.7/hook"), new("description", "Service desk"), new("events", "risk.created"), new("events", "nonconformity.raised") };
        using (var response = await browser.PostAsync(Url(path + "/add"), new FormUrlEncodedContent(refused)))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var again = await browser.GetStringAsync(Url(path));
        Assert.Contains("10.0.0.7 is inside a private, loopback or reserved network", again, StringComparison.Ordinal);
        Assert.Contains("value=\"Service desk\"", again, StringComparison.Ordinal);
        Assert.Contains("value=\"https://10.0.0.7/hook\"", again, StringComparison.Ordinal);
        Assert.Matches("value=\"nonconformity.raised\"[^>]*checked", again);
        Assert.DoesNotMatch("value=\"risk.deleted\"[^>]*checked", again);
        Assert.Contains("No webhook yet", again, StringComparison.Ordinal);

        var accepted = new List<KeyValuePair<string, string>>(ApiHost.HiddenFields(again)) { new("url", "https://hooks.example.com/harmonia"), new("events", "risk.created") };
        using var added = await browser.PostAsync(Url(path + "/add"), new FormUrlEncodedContent(accepted));
        var shown = await added.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var secret = System.Text.RegularExpressions.Regex.Match(shown, "whsec_[A-Za-z0-9+/=]+").Value;
        Assert.NotEmpty(secret);

        var list = await browser.GetStringAsync(Url(path));
        Assert.Contains("https://hooks.example.com/harmonia", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        var trail = await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().AuditEvents.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
            .Where(e => e.OrganizationId == host.OrganizationA && e.EntityType == nameof(WebhookEndpointRecord)).Select(e => e.Changes).ToListAsync());
        var created = Assert.Single(trail);
        Assert.Contains("https://hooks.example.com/harmonia", created, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[6..], created, StringComparison.Ordinal);
        var stored = await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().WebhookEndpoints.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).Select(w => w.ProtectedSecret).SingleAsync());
        Assert.DoesNotContain(secret[6..], stored, StringComparison.Ordinal);

        // A Manager is not shown the page.
        using var manager = await host.SignedInAsync("manager@a.example");
        using var forbidden = await manager.GetAsync(Url(path));
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }
}
