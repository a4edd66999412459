using System.Net;
using Harmonia.App.Features.Accounts;
using Harmonia.Tests.Accounts;

namespace Harmonia.Tests.Security.Asvs;

/// <summary>OWASP ASVS 5.0 chapter V14, data protection: secrets never in addresses, nothing left in the browser.</summary>
public sealed class V14DataProtectionTests
{
    [Fact]
    public async Task V14_2_1_a_token_in_the_address_is_not_accepted()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        var token = Uri.EscapeDataString(host.TokensA[OrganizationRole.Owner]);
        foreach (var query in new[] { "access_token", "token", "api_key", "bearer" })
        {
            using var response = await client.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls?{query}={token}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // The same token in the header works, so the refusal above is about where it was sent.
        using var header = await AsvsProbes.SendAsync(client, HttpMethod.Get, $"/api/orgs/{host.OrganizationA}/controls", host.TokensA[OrganizationRole.Owner]);
        Assert.Equal(HttpStatusCode.OK, header.StatusCode);
    }

    [Fact]
    public async Task V14_3_1_signing_out_deletes_the_session_cookie_in_the_browser()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var browser = await Browser.SignedInAsync(host, "owner@a.example");
        Assert.True(browser.Cookies.ContainsKey(Browser.SessionCookie));

        using var signOut = await browser.PostFormAsync("/signout", "/orgs", []);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var deleted = signOut.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Browser.SessionCookie + "=", StringComparison.Ordinal));
        Assert.Contains("expires=Thu, 01 Jan 1970", deleted, StringComparison.OrdinalIgnoreCase);
        Assert.False(browser.Cookies.ContainsKey(Browser.SessionCookie));
    }

    [Fact]
    public async Task V14_3_3_signed_in_pages_run_only_their_own_script_and_it_stores_nothing_in_the_browser()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var browser = await Browser.SignedInAsync(host, "owner@a.example");
        string? script = null;
        foreach (var page in AsvsProbes.SignedInPages(host))
        {
            using var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();

            // One script, the application's own progressive enhancement (ADR 0031), from this origin; nothing inline.
            var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            var only = Assert.Single(scripts).Value;
            Assert.Matches("""^<script src="/app\.[a-z0-9]+\.js" defer></script>$""", only + "</script>");
            script ??= System.Text.RegularExpressions.Regex.Match(only, "src=\"([^\"]+)\"").Groups[1].Value;
            Assert.DoesNotContain("localStorage", html, StringComparison.Ordinal);
            Assert.DoesNotContain("sessionStorage", html, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        // The script keeps nothing in the browser: no storage, no cookies.
        var source = await browser.GetStringAsync(script!);
        foreach (var store in new[] { "localStorage", "sessionStorage", "indexedDB", "document.cookie", "caches" })
        {
            Assert.DoesNotContain(store, source, StringComparison.Ordinal);
        }

        // The only cookies are the session and antiforgery ones, both unreadable to scripts and opaque.
        Assert.All(browser.Cookies.Keys, name => Assert.True(name == Browser.SessionCookie || name.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal), name));
        Assert.DoesNotContain("owner@a.example", browser.Cookies[Browser.SessionCookie], StringComparison.OrdinalIgnoreCase);
    }
}
