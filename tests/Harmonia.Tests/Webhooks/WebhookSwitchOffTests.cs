using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Webhooks;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Harmonia.Tests.Webhooks.WebhookDeliveryTests;

namespace Harmonia.Tests.Webhooks;

/// <summary>
/// A webhook whose every attempt fails for long enough is switched off by the server, visibly and in the audit trail;
/// one that still delivers is not; what an Owner sends by hand is in the audit trail too. The switch-off time is three
/// seconds here (five days by default), so the tests wait it out for real.
/// </summary>
public sealed class WebhookSwitchOffTests
{
    private static readonly TimeSpan SwitchOffAfter = TimeSpan.FromSeconds(3);

    private static readonly Dictionary<string, string> Settings = new(Loopback) { ["Webhooks:SwitchOffAfter"] = "00:00:03" };

    private static Task<List<AuditLine>> AuditAsync(ApiHost host, Guid organization, Guid webhook) =>
        host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().AuditEvents.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
            .Where(e => e.OrganizationId == organization && e.EntityType == nameof(WebhookEndpointRecord) && e.EntityId == webhook.ToString())
            .OrderBy(e => e.Sequence).Select(e => new AuditLine(e.Actor, e.Action, e.Changes)).ToListAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_webhook_that_only_fails_is_switched_off_by_the_server_with_the_reason_and_an_audit_event_then_on_again_it_delivers(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        await using var smtp = SmtpSink.Start();
        await using var host = await ApiHost.StartAsync(provider, new Dictionary<string, string>(Settings.Concat(smtp.Settings)));
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var (webhook, _) = await AddAsync(owner, host.OrganizationA, receiver.Url, "risk.created");
        await host.NewRiskAsync(host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);
        Assert.Equal(3, receiver.Received.Count);

        // Failing for longer than allowed, with nothing delivered: the next failed attempt switches it off.
        await Task.Delay(SwitchOffAfter + TimeSpan.FromMilliseconds(200));
        await host.NewRiskAsync(host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);
        Assert.Equal(4, receiver.Received.Count);
        var off = await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{host.OrganizationA}/webhooks/{webhook}")));
        Assert.False(off.GetProperty("enabled").GetBoolean());
        Assert.Contains("Switched off automatically: every attempt since", off.GetProperty("switchedOffReason").GetString(), StringComparison.Ordinal);
        Assert.Contains("2 messages not delivered", off.GetProperty("switchedOffReason").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, off.GetProperty("switchedOffUtc").ValueKind);
        var switchedOff = Assert.Single(await AuditAsync(host, host.OrganizationA, webhook), e => e.Actor == "system:webhooks");
        Assert.Contains(nameof(WebhookEndpointRecord.Enabled), switchedOff.Changes, StringComparison.Ordinal);

        // The Owner hears of it in the app and by e-mail; the Manager, who cannot switch it on, does not.
        var inbox = await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{host.OrganizationA}/notifications?pageSize=100")));
        var notice = Assert.Single(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("subject").GetString()!.StartsWith("Webhook switched off: ", StringComparison.Ordinal));
        Assert.Contains($"The webhook to Ticketing ({receiver.Url}) is off. Switched off automatically", notice.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("2 messages not delivered", notice.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/webhooks", notice.GetProperty("link").GetString(), StringComparison.Ordinal);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var managerInbox = await ReadAsync(await manager.GetAsync(Url($"/api/orgs/{host.OrganizationA}/notifications?pageSize=100")));
        Assert.DoesNotContain(managerInbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("subject").GetString()!.StartsWith("Webhook switched off", StringComparison.Ordinal));
        await host.Services.GetRequiredService<Harmonia.App.Features.Work.ReminderJobs>().DeliverAllAsync(CancellationToken.None);
        var mail = Assert.Single(smtp.Messages, m => (m.Subject ?? string.Empty).StartsWith("Webhook switched off: ", StringComparison.Ordinal));
        Assert.Equal("owner@a.example", ((MimeKit.MailboxAddress)mail.To.Single()).Address);

        // The rest of the second message's attempts are not sent, and new events make no messages while it is off.
        var failed = await LogAsync(owner, host.OrganizationA, "&status=failed");
        Assert.Contains(failed, d => d.GetProperty("lastOutcome").GetString()!.Contains("switched off", StringComparison.Ordinal));
        await host.NewRiskAsync(host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);
        Assert.Equal(4, receiver.Received.Count);

        // Sending a message again is refused while it is off; nothing changes.
        using var refused = await owner.PostAsync(Url($"/api/orgs/{host.OrganizationA}/webhook-deliveries/{failed[0].GetProperty("id").GetGuid()}/redeliver"), null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("switched off", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await LogAsync(owner, host.OrganizationA, "&status=pending"));

        // The Owner switches it on once the receiver works: the reason goes, the old failures no longer count.
        receiver.AnswerFromNowOn(200);
        await ReadAsync(await owner.PutAsJsonAsync(Url($"/api/orgs/{host.OrganizationA}/webhooks/{webhook}"), new { url = receiver.Url, eventTypes = RiskCreated, enabled = true }));
        var on = await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{host.OrganizationA}/webhooks/{webhook}")));
        Assert.True(on.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, on.GetProperty("switchedOffReason").ValueKind);
        await host.NewRiskAsync(host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);
        Assert.Equal(5, receiver.Received.Count);
        Assert.Single(await LogAsync(owner, host.OrganizationA, "&status=delivered"));
    }

    [Fact]
    public async Task A_webhook_that_delivered_since_its_earlier_failures_stays_on()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, Settings);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var (webhook, _) = await AddAsync(owner, host.OrganizationA, receiver.Url, "risk.created");
        await host.NewRiskAsync(host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);
        await Task.Delay(SwitchOffAfter + TimeSpan.FromMilliseconds(200));

        receiver.AnswerFromNowOn(200);
        await host.NewRiskAsync(host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);

        // The first failure is now older than the limit, but a message was delivered since: the clock restarted there.
        receiver.AnswerFromNowOn(500);
        await host.NewRiskAsync(host.OrganizationA);
        await DrainAsync(host, host.OrganizationA);
        Assert.Equal(3 + 1 + 3, receiver.Received.Count);
        var still = await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{host.OrganizationA}/webhooks/{webhook}")));
        Assert.True(still.GetProperty("enabled").GetBoolean());
        Assert.DoesNotContain(await AuditAsync(host, host.OrganizationA, webhook), e => e.Actor == "system:webhooks");
    }

    [Fact]
    public async Task A_test_message_and_a_message_sent_again_are_in_the_audit_trail_with_who_sent_them()
    {
        await using var receiver = await WebhookReceiver.StartAsync(200);
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, Settings);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var (webhook, _) = await AddAsync(owner, host.OrganizationA, receiver.Url, "risk.created");
        using var test = await owner.PostAsync(Url($"/api/orgs/{host.OrganizationA}/webhooks/{webhook}/test"), null);
        Assert.True(test.IsSuccessStatusCode, await test.Content.ReadAsStringAsync());
        await DrainAsync(host, host.OrganizationA);
        var delivered = Assert.Single(await LogAsync(owner, host.OrganizationA, "&status=delivered"));
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(Url($"/api/orgs/{host.OrganizationA}/webhook-deliveries/{delivered.GetProperty("id").GetGuid()}/redeliver"), null)).StatusCode);
        await DrainAsync(host, host.OrganizationA);
        Assert.Equal(2, receiver.Received.Count);

        var byHand = (await AuditAsync(host, host.OrganizationA, webhook))
            .Where(e => e.Action == "updated" && e.Changes.Contains(nameof(WebhookEndpointRecord.LastSentByHand), StringComparison.Ordinal)).ToList();
        Assert.Equal(2, byHand.Count);
        Assert.All(byHand, e => Assert.StartsWith("user:", e.Actor, StringComparison.Ordinal));
        Assert.Contains("Test message", byHand[0].Changes, StringComparison.Ordinal);
        Assert.Contains("Sent again", byHand[1].Changes, StringComparison.Ordinal);
        Assert.Contains(delivered.GetProperty("messageId").GetString()!, byHand[1].Changes, StringComparison.Ordinal);
    }

    private sealed record AuditLine(string Actor, string Action, string Changes);
}
