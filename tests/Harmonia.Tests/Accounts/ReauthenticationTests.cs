using System.Net;
using System.Text;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Accounts;

/// <summary>Issue 20, item 5: tokens, two-factor changes and roles need a recent sign-in or the passphrase again.</summary>
public sealed class ReauthenticationTests
{
    // With a window of zero minutes every sign-in counts as old, so the tests need no clock.
    private static readonly Dictionary<string, string> AlwaysAsk = new() { ["Accounts:ReauthenticateAfterMinutes"] = "0" };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_role_change_through_the_api_needs_the_callers_passphrase(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var members = new Uri($"/api/orgs/{host.OrganizationA}/members", UriKind.Relative);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);

        using (var missing = await owner.PutAsync(members, Json("""{"email":"viewer@a.example","role":"Manager"}""")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
            Assert.Contains("passphrase", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PutAsync(members, Json("""{"email":"viewer@a.example","role":"Manager","passphrase":"a wrong passphrase"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsync(members, Json("""{"email":"viewer@a.example","role":"Manager","passphrase":"a long enough passphrase"}"""))).StatusCode);
        Assert.Contains(SecurityEventKinds.RoleChanged, await SessionTests.SecurityKindsAsync(host, host.UsersA[OrganizationRole.Viewer]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_old_sign_in_asks_for_the_passphrase_before_a_token_or_a_role_and_keeps_what_was_typed(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider, AlwaysAsk);
        var settings = $"/orgs/{host.OrganizationA}/settings";
        using var owner = await Browser.SignedInAsync(host, "owner@a.example");
        Assert.Contains("name=\"passphrase\"", await owner.GetStringAsync(settings), StringComparison.Ordinal);

        using (var asked = await owner.PostFormAsync($"{settings}/tokens", settings, new() { ["name"] = "nightly export", ["days"] = "30" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            var back = asked.Headers.Location!.OriginalString;
            Assert.Contains("outcome=refused", back, StringComparison.Ordinal);
            var page = await owner.GetStringAsync(back.Split('#')[0]);
            Assert.Contains("needs your passphrase again", page, StringComparison.Ordinal);
            Assert.Contains("value=\"nightly export\"", page, StringComparison.Ordinal);
            Assert.Contains("value=\"30\"", page, StringComparison.Ordinal);
        }

        using (var wrong = await owner.PostFormAsync($"{settings}/tokens", settings, new() { ["name"] = "nightly export", ["passphrase"] = "not the passphrase" }))
        {
            Assert.Contains("outcome=refused", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var created = await owner.PostFormAsync($"{settings}/tokens", settings, new() { ["name"] = "nightly export", ["passphrase"] = "a long enough passphrase" }))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            Assert.Contains("id=\"new-token\"", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var role = await owner.PostFormAsync($"{settings}/members", settings, new() { ["email"] = "viewer@a.example", ["role"] = "Auditor" }))
        {
            var back = role.Headers.Location!.OriginalString;
            Assert.Contains("outcome=refused", back, StringComparison.Ordinal);
            // What was typed waits on the server for the page, never in the address (ADR 0023).
            Assert.DoesNotContain("viewer", back, StringComparison.Ordinal);
            Assert.Contains("value=\"viewer@a.example\"", await owner.GetStringAsync(back.Split('#')[0]), StringComparison.Ordinal);
        }

        using (var changed = await owner.PostFormAsync($"{settings}/members", settings, new() { ["email"] = "viewer@a.example", ["role"] = "Auditor", ["passphrase"] = "a long enough passphrase" }))
        {
            Assert.Contains("outcome=saved", changed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task New_recovery_codes_after_an_old_sign_in_need_the_passphrase(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider, AlwaysAsk);
        await host.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HarmoniaUser>>();
            var user = (await users.FindByEmailAsync("manager@a.example"))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
            return true;
        });
        using var manager = new Browser(host.RawClient());
        using (var password = await manager.SignInAsync("manager@a.example", "a long enough passphrase"))
        {
            Assert.EndsWith("/signin/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var recovery = await host.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HarmoniaUser>>();
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync("manager@a.example"))!, 1))!.Single();
        });
        var twoFactorForm = ApiHost.HiddenFields(await manager.GetStringAsync("/signin/two-factor"));
        Assert.True(twoFactorForm.ContainsKey("_handler"));

        // Signed in with a recovery code (recorded), then asked for the passphrase before new codes.
        using (var signedIn = await manager.PostAsync("/signin/two-factor", RecoveryForm(twoFactorForm, recovery)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using (var asked = await manager.PostPageFormAsync("/account/two-factor", "new-recovery-codes", []))
        {
            var html = await asked.Content.ReadAsStringAsync();
            Assert.Contains("needs your passphrase again", html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"recovery-codes\"", html, StringComparison.Ordinal);
        }

        using (var codes = await manager.PostPageFormAsync("/account/two-factor", "new-recovery-codes", new() { ["Again.Password"] = "a long enough passphrase" }))
        {
            Assert.Contains("id=\"recovery-codes\"", await codes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var kinds = await SessionTests.SecurityKindsAsync(host, host.UsersA[OrganizationRole.Manager]);
        Assert.Contains(SecurityEventKinds.RecoveryCodeUsed, kinds);
        Assert.Contains(SecurityEventKinds.RecoveryCodesGenerated, kinds);
    }

    private static Dictionary<string, string> RecoveryForm(Dictionary<string, string> hidden, string code)
    {
        var form = new Dictionary<string, string>(hidden);
        form["Input.Code"] = code;
        return form;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
