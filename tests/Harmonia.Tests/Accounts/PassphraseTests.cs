using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Accounts;

/// <summary>Issue 20, item 5: changing a passphrase and resetting it through an Owner's single-use link.</summary>
public sealed class PassphraseTests
{
    private const string Old = "a long enough passphrase";
    private const string New = "another passphrase of mine";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changing_the_passphrase_needs_the_current_one_and_signs_out_every_other_session(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var here = await Browser.SignedInAsync(host, "contributor@a.example");
        using var elsewhere = await Browser.SignedInAsync(host, "contributor@a.example");

        using (var wrong = await here.PostPageFormAsync("/account/passphrase", "change-passphrase", new() { ["Input.Current"] = "not my passphrase", ["Input.New"] = New }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("not your current passphrase", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var weak = await here.PostPageFormAsync("/account/passphrase", "change-passphrase", new() { ["Input.Current"] = Old, ["Input.New"] = "short" }))
        {
            Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/orgs")).StatusCode);
        using (var changed = await here.PostPageFormAsync("/account/passphrase", "change-passphrase", new() { ["Input.Current"] = Old, ["Input.New"] = New }))
        {
            Assert.Contains("Your passphrase is changed", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/orgs")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/orgs")).StatusCode);
        using (var withOld = new Browser(host.RawClient()))
        {
            Assert.Equal(HttpStatusCode.OK, (await withOld.SignInAsync("contributor@a.example", Old)).StatusCode);
        }

        using var withNew = await Browser.SignedInAsync(host, "contributor@a.example", New);
        Assert.Contains(SecurityEventKinds.PassphraseChanged, await SessionTests.SecurityKindsAsync(host, host.UsersA[OrganizationRole.Contributor]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_api_changes_the_passphrase_only_with_the_current_one(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var token = host.Client(host.TokensA[OrganizationRole.Auditor]);
        using var session = await Browser.SignedInAsync(host, "auditor@a.example");

        Assert.Equal(HttpStatusCode.BadRequest, (await token.PostAsync(new Uri("/api/account/passphrase", UriKind.Relative), Json($$"""{"current":"wrong passphrase here","new":"{{New}}"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await token.PostAsync(new Uri("/api/account/passphrase", UriKind.Relative), Json($$"""{"current":"{{Old}}","new":"tiny"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/orgs")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await token.PostAsync(new Uri("/api/account/passphrase", UriKind.Relative), Json($$"""{"current":"{{Old}}","new":"{{New}}"}"""))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/orgs")).StatusCode);
        using var again = await Browser.SignedInAsync(host, "auditor@a.example", New);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reset_link_works_once_ends_every_session_and_fails_when_expired(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        var viewerId = host.UsersA[OrganizationRole.Viewer];
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        using var viewer = await Browser.SignedInAsync(host, "viewer@a.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync(new Uri($"{api}/members/{viewerId}/reset-link", UriKind.Relative), null)).StatusCode);
        var link = await ResetLinkAsync(owner, api, viewerId);
        var page = new Uri(link).AbsolutePath;

        using var stranger = new Browser(host.RawClient());
        using (var weak = await stranger.PostPageFormAsync(page, "reset-passphrase", new() { ["Input.New"] = "short" }))
        {
            Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        using (var reset = await stranger.PostPageFormAsync(page, "reset-passphrase", new() { ["Input.New"] = New }))
        {
            Assert.Contains("Your new passphrase is set", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await viewer.GetAsync("/orgs")).StatusCode);
        using (var signedIn = await Browser.SignedInAsync(host, "viewer@a.example", New))
        {
            Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/orgs")).StatusCode);
        }

        // Spent: the link no longer offers the form, and a post through it changes nothing.
        Assert.Contains(UseResetLinkHandler.Unusable, await stranger.GetStringAsync(page), StringComparison.Ordinal);
        await Assert.ThrowsAsync<Harmonia.App.Common.InvalidInputException>(() => host.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<UseResetLinkHandler>().HandleAsync(new UseResetLinkRequest(page.Split('/').Last(), "a third passphrase here"));
            return true;
        }));

        // Expired: a fresh link moved past its expiry fails the same way.
        var second = new Uri(await ResetLinkAsync(owner, api, viewerId)).AbsolutePath;
        await host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<HarmoniaDbContext>();
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            foreach (var record in await db.PassphraseResets.Where(r => r.UsedUtc == null).ToListAsync())
            {
                record.ExpiresUtc = DateTime.UtcNow.AddMinutes(-1);
            }

            return await db.SaveChangesAsync();
        });
        Assert.Contains(UseResetLinkHandler.Unusable, await stranger.GetStringAsync(second), StringComparison.Ordinal);

        var trail = await owner.GetStringAsync(new Uri($"{api}/audit-trail?pageSize=200", UriKind.Relative));
        Assert.Contains(nameof(PassphraseResetRecord), trail, StringComparison.Ordinal);
        Assert.Contains(SecurityEventKinds.ResetLinkIssued, trail, StringComparison.Ordinal);
        Assert.Contains(SecurityEventKinds.PassphraseReset, await SessionTests.SecurityKindsAsync(host, viewerId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_settings_page_shows_a_reset_link_once(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var member = await host.NewMemberAsync(host.OrganizationA);
        var settings = $"/orgs/{host.OrganizationA}/settings";
        using var owner = await Browser.SignedInAsync(host, "owner@a.example");

        using var issued = await owner.PostFormAsync($"{settings}/members/{member}/reset-link", settings, []);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Matches("/reset-passphrase/hr_[A-Za-z0-9_-]{43}", await issued.Content.ReadAsStringAsync());
    }

    private static async Task<string> ResetLinkAsync(HttpClient owner, string api, Guid userId)
    {
        using var response = await owner.PostAsync(new Uri($"{api}/members/{userId}/reset-link", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("link").GetString()!;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
