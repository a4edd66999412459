using System.Net;
using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Accounts;

/// <summary>Issue 20, item 5: security events per account, shown to their holder only; organization creation limited.</summary>
public sealed class SecurityLogTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sign_ins_failures_lockouts_and_token_use_reach_the_holders_security_log(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using (var failing = new Browser(host.RawClient()))
        {
            using var failed = await failing.SignInAsync("manager@a.example", "not the passphrase");
        }

        using var manager = await Browser.SignedInAsync(host, "manager@a.example");
        using var token = host.Client(host.TokensA[OrganizationRole.Manager]);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls", UriKind.Relative))).StatusCode);

        using var log = JsonDocument.Parse(await token.GetStringAsync(new Uri("/api/account/security-log", UriKind.Relative)));
        var kinds = log.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains(SecurityEventKinds.SignInFailed, kinds);
        Assert.Contains(SecurityEventKinds.SignInSucceeded, kinds);
        Assert.Contains(SecurityEventKinds.TokenCreated, kinds);

        // Used twice from the same address: recorded once.
        Assert.Equal(1, kinds.Count(k => k == SecurityEventKinds.TokenUsedFromNewAddress));

        var page = await manager.GetStringAsync("/account/security-activity");
        Assert.Contains(SecurityEventKinds.SignInFailed, page, StringComparison.Ordinal);
        Assert.Contains(SecurityEventKinds.TokenUsedFromNewAddress, page, StringComparison.Ordinal);

        // Someone else's log holds none of it.
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var other = await viewer.GetStringAsync(new Uri("/api/account/security-log", UriKind.Relative));
        Assert.DoesNotContain(SecurityEventKinds.SignInFailed, other, StringComparison.Ordinal);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var browser = new Browser(host.RawClient());
            using var failed = await browser.SignInAsync("viewer@a.example", "still not the passphrase");
        }

        Assert.Contains(SecurityEventKinds.LockedOut, await SessionTests.SecurityKindsAsync(host, host.UsersA[OrganizationRole.Viewer]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Organization_creation_stops_at_the_configured_number_per_account(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider, new Dictionary<string, string> { ["Accounts:MaxOrganizationsPerAccount"] = "2" });
        using var owner = await Browser.SignedInAsync(host, "owner@a.example");

        using (var second = await owner.PostPageFormAsync("/orgs", "create-organization", new() { ["Input.Name"] = "Second Ltd" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        using (var third = await owner.PostPageFormAsync("/orgs", "create-organization", new() { ["Input.Name"] = "Third Ltd" }))
        {
            Assert.Equal(HttpStatusCode.OK, third.StatusCode);
            var html = await third.Content.ReadAsStringAsync();
            Assert.Contains("the most this server allows", html, StringComparison.Ordinal);
            Assert.Contains("value=\"Third Ltd\"", html, StringComparison.Ordinal);
        }

        await Assert.ThrowsAsync<LimitReachedException>(() => host.WithScopeAsync(s =>
            s.GetRequiredService<CreateOrganizationHandler>().HandleAsync(new CreateOrganizationRequest(host.UsersA[OrganizationRole.Owner], "Fourth Ltd"))));
        var other = await host.WithScopeAsync(async s =>
            await s.GetRequiredService<CreateOrganizationHandler>().HandleAsync(new CreateOrganizationRequest(host.UsersA[OrganizationRole.Viewer], "Viewer's own")));
        Assert.Equal("Viewer's own", other.Name);
    }
}
