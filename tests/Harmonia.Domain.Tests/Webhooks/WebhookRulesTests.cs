using System.Net;
using Harmonia.Domain.Webhooks;

namespace Harmonia.Domain.Tests.Webhooks;

public sealed class WebhookRulesTests
{
    private static readonly Dictionary<string, (string?, string?)> NoFields = [];

    [Theory]
    [InlineData("RiskRecord", "created", "risk.created")]
    [InlineData("RiskRecord", "updated", "risk.changed")]
    [InlineData("AiSystemRecord", "deleted", "ai-system.deleted")]
    [InlineData("SoaVersionRecord", "updated", "soa.changed")]
    public void A_record_change_is_its_modules_event(string entity, string action, string expected) =>
        Assert.Equal([expected], WebhookEvents.Of(new AuditChange(entity, action, NoFields)));

    [Fact]
    public void Publishing_a_revision_and_raising_or_closing_a_nonconformity_are_milestones()
    {
        var published = new Dictionary<string, (string?, string?)> { ["Status"] = ("approved", "published") };
        Assert.Equal([WebhookEventTypes.DocumentPublished], WebhookEvents.Of(new AuditChange("DocumentRevisionRecord", "updated", published)));
        var retired = new Dictionary<string, (string?, string?)> { ["Status"] = ("published", "retired") };
        Assert.Empty(WebhookEvents.Of(new AuditChange("DocumentRevisionRecord", "updated", retired)));

        Assert.Equal(["nonconformity.created", WebhookEventTypes.NonconformityRaised], WebhookEvents.Of(new AuditChange("NonconformityRecord", "created", NoFields)));
        var closed = new Dictionary<string, (string?, string?)> { ["State"] = ("EffectivenessVerified", "Closed") };
        Assert.Equal(["nonconformity.changed", WebhookEventTypes.NonconformityClosed], WebhookEvents.Of(new AuditChange("NonconformityRecord", "updated", closed)));
        var stepped = new Dictionary<string, (string?, string?)> { ["State"] = ("Open", "CorrectionDone") };
        Assert.Equal(["nonconformity.changed"], WebhookEvents.Of(new AuditChange("NonconformityRecord", "updated", stepped)));
    }

    [Fact]
    public void Webhooks_own_changes_and_derived_rows_are_no_event()
    {
        Assert.Empty(WebhookEvents.Of(new AuditChange("WebhookEndpointRecord", "created", NoFields)));
        Assert.Empty(WebhookEvents.Of(new AuditChange("Membership", "updated", NoFields)));
    }

    [Fact]
    public void Every_event_name_is_unique_and_every_record_event_is_in_the_catalog()
    {
        Assert.Equal(WebhookEventTypes.All.Count, WebhookEventTypes.All.Select(t => t.Name).Distinct().Count());
        foreach (var entity in WebhookEventTypes.Records.Keys)
        {
            foreach (var action in new[] { "created", "updated", "deleted" })
            {
                Assert.All(WebhookEvents.Of(new AuditChange(entity, action, NoFields)), e => Assert.True(WebhookEventTypes.IsKnown(e), e));
            }
        }
    }

    [Theory]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.0.1", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:192.168.1.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("2a00:1450:4001::1", true)]
    public void Internal_networks_are_refused_by_default(string address, bool allowed) =>
        Assert.Equal(allowed, WebhookAddressPolicy.Strict.IsAllowed(IPAddress.Parse(address)));

    [Fact]
    public void An_operator_opens_exactly_the_networks_it_names()
    {
        var policy = new WebhookAddressPolicy(true, WebhookAddressPolicy.ParseNetworks("127.0.0.1, 10.20.0.0/16"));
        Assert.True(policy.IsAllowed(IPAddress.Loopback));
        Assert.False(policy.IsAllowed(IPAddress.Parse("127.0.0.2")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("10.20.3.4")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("10.21.0.1")));
        Assert.Null(policy.Refusal("http://127.0.0.1:8080/hook"));
        Assert.NotNull(policy.Refusal("http://127.0.0.2:8080/hook"));
        Assert.Throws<FormatException>(() => WebhookAddressPolicy.ParseNetworks("10.0.0.0/33"));
    }

    [Fact]
    public void The_retry_schedule_gives_up_after_its_last_delay()
    {
        var schedule = WebhookRetrySchedule.Default;
        Assert.Equal(8, schedule.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), schedule.After(1));
        Assert.Equal(TimeSpan.FromHours(10), schedule.After(7));
        Assert.Null(schedule.After(8));
        Assert.True(schedule.Delays.Aggregate(TimeSpan.Zero, (a, b) => a + b) > TimeSpan.FromHours(24));
        Assert.Throws<ArgumentException>(() => new WebhookRetrySchedule([]));
    }

    [Fact]
    public void A_signature_depends_on_the_id_the_time_the_body_and_the_secret()
    {
        var secret = WebhookSignature.NewSecret();
        var signature = WebhookSignature.Sign(secret, "msg_1", 1_700_000_000, "{}");
        Assert.StartsWith("v1,", signature, StringComparison.Ordinal);
        Assert.Equal(signature, WebhookSignature.Sign(secret, "msg_1", 1_700_000_000, "{}"));
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "msg_2", 1_700_000_000, "{}"));
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "msg_1", 1_700_000_001, "{}"));
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "msg_1", 1_700_000_000, "{ }"));
        Assert.NotEqual(signature, WebhookSignature.Sign(WebhookSignature.NewSecret(), "msg_1", 1_700_000_000, "{}"));
        Assert.Throws<ArgumentException>(() => WebhookSignature.Sign("plain", "msg_1", 1, "{}"));
    }

    [Fact]
    public void A_webhook_is_switched_off_only_after_failing_for_the_whole_period_and_says_since_when()
    {
        var rule = WebhookSwitchOffRule.Default;
        var since = new DateTime(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc);
        Assert.Null(rule.Reason(null, since.AddDays(30), 0));
        Assert.Null(rule.Reason(since, since.AddDays(5).AddSeconds(-1), 40));
        Assert.Null(rule.Reason(since, since + WebhookRetrySchedule.Default.Delays.Aggregate(TimeSpan.Zero, (a, b) => a + b), 8));
        var reason = rule.Reason(since, since.AddDays(5), 40);
        Assert.NotNull(reason);
        Assert.Contains("since 2026-12-01 08:30 UTC", reason, StringComparison.Ordinal);
        Assert.Contains("40 messages not delivered", reason, StringComparison.Ordinal);
        Assert.Contains("5 days", reason, StringComparison.Ordinal);
        Assert.Contains("1 message not delivered, nothing delivered for 1 minute)", new WebhookSwitchOffRule(TimeSpan.FromMinutes(1)).Reason(since, since.AddMinutes(1), 1), StringComparison.Ordinal);
        Assert.Contains("for under a minute", new WebhookSwitchOffRule(TimeSpan.FromSeconds(5)).Reason(since, since.AddSeconds(5), 1), StringComparison.Ordinal);
        Assert.Null(WebhookSwitchOffRule.Never.Reason(since, since.AddDays(365), 1000));
        Assert.Throws<ArgumentException>(() => new WebhookSwitchOffRule(TimeSpan.FromDays(91)));
        Assert.Throws<ArgumentException>(() => new WebhookSwitchOffRule(TimeSpan.FromSeconds(-1)));
    }
}
