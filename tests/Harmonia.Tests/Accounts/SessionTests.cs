using System.Net;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Accounts;

/// <summary>Issue 20, item 5: a session ends on the server when it should (sign-out, disabled account), and stays ended.</summary>
public sealed class SessionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var browser = await Browser.SignedInAsync(host, "manager@a.example");
        using var copy = browser.Copy(host);
        using (var before = await copy.GetAsync("/orgs"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var signOut = await browser.PostFormAsync("/signout", "/orgs", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        using var after = await copy.GetAsync("/orgs");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/signin", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains(await SecurityKindsAsync(host, host.UsersA[OrganizationRole.Manager]), k => k == SecurityEventKinds.SignedOut);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_disabled_account_loses_its_sessions_and_tokens_and_enabling_revives_neither(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        var viewerId = host.UsersA[OrganizationRole.Viewer];
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var viewerToken = host.Client(host.TokensA[OrganizationRole.Viewer]);
        using var viewer = await Browser.SignedInAsync(host, "viewer@a.example");
        Assert.Equal(HttpStatusCode.OK, (await viewerToken.GetAsync(new Uri($"{api}/controls", UriKind.Relative))).StatusCode);

        // A manager may not; the owner may.
        using (var manager = host.Client(host.TokensA[OrganizationRole.Manager]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync(new Uri($"{api}/members/{viewerId}/disable", UriKind.Relative), null)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync(new Uri($"{api}/members/{viewerId}/disable", UriKind.Relative), null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await viewerToken.GetAsync(new Uri($"{api}/controls", UriKind.Relative))).StatusCode);
        using (var refused = await viewer.GetAsync("/orgs"))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        using (var again = new Browser(host.RawClient()))
        using (var signIn = await again.SignInAsync("viewer@a.example", "a long enough passphrase"))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            Assert.Contains("Sign-in failed", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync(new Uri($"{api}/members/{viewerId}/enable", UriKind.Relative), null)).StatusCode);

        // Enabled again, the old token and the old cookie stay dead; a new sign-in works.
        Assert.Equal(HttpStatusCode.Unauthorized, (await viewerToken.GetAsync(new Uri($"{api}/controls", UriKind.Relative))).StatusCode);
        using (var stillRefused = await viewer.GetAsync("/orgs"))
        {
            Assert.Equal(HttpStatusCode.Redirect, stillRefused.StatusCode);
        }

        using (var fresh = await Browser.SignedInAsync(host, "viewer@a.example"))
        {
            Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/orgs")).StatusCode);
        }

        var kinds = await SecurityKindsAsync(host, viewerId);
        Assert.Contains(SecurityEventKinds.Disabled, kinds);
        Assert.Contains(SecurityEventKinds.Enabled, kinds);
        Assert.Contains(SecurityEventKinds.SignInRefused, kinds);
        var trail = await owner.GetStringAsync(new Uri($"{api}/audit-trail?pageSize=200", UriKind.Relative));
        Assert.Contains(nameof(OrganizationSecurityEvent), trail, StringComparison.Ordinal);
        Assert.Contains(SecurityEventKinds.Disabled, trail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_owner_disables_only_members_of_no_other_organization_and_the_administrator_any(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var auditor = host.UsersA[OrganizationRole.Auditor];
        await host.WithScopeAsync(s => s.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(host.OrganizationB, "auditor@a.example", OrganizationRole.Viewer)));

        using (var shared = await owner.PostAsync(new Uri($"{api}/members/{auditor}/disable", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, shared.StatusCode);
            Assert.Contains("another organization", await shared.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsync(new Uri($"{api}/members/{host.UsersA[OrganizationRole.Owner]}/disable", UriKind.Relative), null)).StatusCode);
        var outsider = await host.WithScopeAsync(async s => (await s.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest("outsider@b.example", "a long enough passphrase"))).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync(new Uri($"{api}/members/{outsider}/disable", UriKind.Relative), null)).StatusCode);

        // The instance administrator, with the database at hand, may disable any account.
        var disabled = await CliRun.OnAsync(host.Database, "admin", "disable", "--email", "auditor@a.example");
        Assert.True(disabled.ExitCode == 0, disabled.Error);
        using var auditorToken = host.Client(host.TokensA[OrganizationRole.Auditor]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await auditorToken.GetAsync(new Uri($"{api}/controls", UriKind.Relative))).StatusCode);
        var unknown = await CliRun.OnAsync(host.Database, "admin", "enable", "--email", "nobody@example.org");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("nobody@example.org", unknown.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_settings_page_disables_and_enables_a_member(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var member = await host.NewMemberAsync(host.OrganizationA);
        var settings = $"/orgs/{host.OrganizationA}/settings";
        using var owner = await Browser.SignedInAsync(host, "owner@a.example");
        Assert.Contains($"/settings/members/{member}/disable", await owner.GetStringAsync(settings), StringComparison.Ordinal);

        using (var disable = await owner.PostFormAsync($"{settings}/members/{member}/disable", settings, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
            Assert.Contains("outcome=saved", disable.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.NotNull(await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Users.Where(u => u.Id == member).Select(u => u.DisabledUtc).SingleAsync()));
        Assert.Contains($"/settings/members/{member}/enable", await owner.GetStringAsync(settings), StringComparison.Ordinal);
        using (var enable = await owner.PostFormAsync($"{settings}/members/{member}/enable", settings, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        }

        Assert.Null(await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Users.Where(u => u.Id == member).Select(u => u.DisabledUtc).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Turning_on_two_factor_signs_out_other_sessions_and_keeps_this_one(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var here = await Browser.SignedInAsync(host, "contributor@a.example");
        using var elsewhere = await Browser.SignedInAsync(host, "contributor@a.example");

        // Opening the page (which creates the authenticator key) signs no one out.
        var html = await here.GetStringAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/orgs")).StatusCode);

        var key = System.Text.RegularExpressions.Regex.Match(html, "id=\"authenticator-key\">([^<]+)<").Groups[1].Value;
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
        using (var enabled = await here.PostPageFormAsync("/account/two-factor", "enable-two-factor", new() { ["Input.Code"] = code }))
        {
            Assert.Contains("id=\"recovery-codes\"", await enabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/orgs")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/orgs")).StatusCode);
        Assert.Contains(SecurityEventKinds.TwoFactorOn, await SecurityKindsAsync(host, host.UsersA[OrganizationRole.Contributor]));
    }

    internal static Task<List<string>> SecurityKindsAsync(ApiHost host, Guid userId) =>
        host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().AccountSecurityEvents.Where(e => e.UserId == userId).Select(e => e.Kind).ToListAsync());
}
