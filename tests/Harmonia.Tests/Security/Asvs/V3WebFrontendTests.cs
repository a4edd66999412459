using System.Net;
using Harmonia.Tests.Accounts;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Security.Asvs;

/// <summary>OWASP ASVS 5.0 chapter V3, web frontend security: cookies, browser security headers, origin separation, redirects.</summary>
public sealed class V3WebFrontendTests
{
    [Fact]
    public async Task V3_3_1_behind_tls_every_cookie_is_secure_and_carries_a_name_prefix()
    {
        await using var host = await AsvsProbes.StartAsync(AsvsProbes.TlsOnly());
        using var client = host.RawClient(AsvsProbes.Tls);
        var cookies = await AsvsProbes.SignInCookiesAsync(client);

        Assert.Contains(cookies, c => c.StartsWith("__Host-Harmonia.Session=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-Harmonia.Antiforgery=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.StartsWith("__Host-", c, StringComparison.Ordinal);
            Assert.Contains("secure", AsvsProbes.Attributes(c));
        });
    }

    [Fact]
    public async Task V3_3_2_the_session_cookie_is_same_site_lax_and_the_antiforgery_cookie_strict()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        var cookies = await AsvsProbes.SignInCookiesAsync(client);

        // Lax lets a link from an e-mail open a page signed in; every change is a POST, which Lax never sends cross-site.
        Assert.Contains("samesite=lax", AsvsProbes.Attributes(cookies.Single(c => c.StartsWith(Browser.SessionCookie + "=", StringComparison.Ordinal))));
        Assert.Contains("samesite=strict", AsvsProbes.Attributes(cookies.Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task V3_3_3_behind_tls_cookies_are_host_only_with_path_root()
    {
        await using var host = await AsvsProbes.StartAsync(AsvsProbes.TlsOnly());
        using var client = host.RawClient(AsvsProbes.Tls);
        var cookies = await AsvsProbes.SignInCookiesAsync(client);

        Assert.All(cookies, c =>
        {
            Assert.StartsWith("__Host-", c, StringComparison.Ordinal);
            Assert.Contains("path=/", AsvsProbes.Attributes(c));
            Assert.DoesNotContain(AsvsProbes.Attributes(c), a => a.StartsWith("domain=", StringComparison.Ordinal));
        });

        // The renamed session cookie is the one the server reads back.
        var session = cookies.Single(c => c.StartsWith("__Host-Harmonia.Session=", StringComparison.Ordinal)).Split(';')[0];
        using var orgs = await AsvsProbes.SendAsync(client, HttpMethod.Get, "/orgs", adjust: r => r.Headers.Add("Cookie", session));
        Assert.Equal(HttpStatusCode.OK, orgs.StatusCode);
    }

    [Fact]
    public async Task V3_3_4_the_session_and_antiforgery_cookies_are_out_of_reach_of_scripts()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        var cookies = await AsvsProbes.SignInCookiesAsync(client);

        Assert.Contains(cookies, c => c.StartsWith(Browser.SessionCookie + "=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("httponly", AsvsProbes.Attributes(c)));
    }

    [Fact]
    public async Task V3_4_1_over_tls_every_response_sends_hsts_for_a_year_including_subdomains()
    {
        await using var host = await AsvsProbes.StartAsync(AsvsProbes.TlsOnly());
        using var client = host.RawClient(AsvsProbes.Tls);
        foreach (var (what, response) in await AsvsProbes.EveryKindOfResponseAsync(host, client))
        {
            using (response)
            {
                Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var values), $"{what} ({(int)response.StatusCode}) has no HSTS");
                var hsts = Assert.Single(values);
                Assert.True(hsts.Contains("max-age=31536000", StringComparison.Ordinal) && hsts.Contains("includeSubDomains", StringComparison.Ordinal), $"{what}: {hsts}");
            }
        }
    }

    [Fact]
    public async Task V3_4_2_no_response_grants_another_origin_access()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        var url = $"/api/orgs/{host.OrganizationA}/controls";
        using var read = await AsvsProbes.SendAsync(client, HttpMethod.Get, url, host.TokensA[Harmonia.App.Features.Accounts.OrganizationRole.Owner], r => r.Headers.Add("Origin", "https://evil.example"));
        using var preflight = await AsvsProbes.SendAsync(client, HttpMethod.Options, url, adjust: r =>
        {
            r.Headers.Add("Origin", "https://evil.example");
            r.Headers.Add("Access-Control-Request-Method", "DELETE");
            r.Headers.Add("Access-Control-Request-Headers", "authorization");
        });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        foreach (var response in new[] { read, preflight })
        {
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
            Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        }
    }

    [Fact]
    public async Task V3_4_3_the_content_security_policy_allows_only_own_scripts_no_plugins_and_no_base_change()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        using var page = await client.GetAsync(new Uri("/signin", UriKind.Relative));
        var directives = page.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries);

        Assert.Contains("object-src 'none'", directives);
        Assert.Contains("base-uri 'none'", directives);
        Assert.Contains("script-src 'self'", directives);
        Assert.Contains("default-src 'self'", directives);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<base", html, StringComparison.OrdinalIgnoreCase);
        // One script only, the application's own file from this origin (ADR 0031); nothing inline.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.Matches("""<script src="/app\.[a-z0-9]+\.js" defer></script>""", html);
    }

    [Fact]
    public async Task V3_4_4_every_kind_of_response_forbids_content_sniffing()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        foreach (var (what, response) in await AsvsProbes.EveryKindOfResponseAsync(host, client))
        {
            using (response)
            {
                Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var value) && value.Single() == "nosniff", what);
            }
        }
    }

    [Fact]
    public async Task V3_4_5_every_kind_of_response_sends_no_referrer()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        foreach (var (what, response) in await AsvsProbes.EveryKindOfResponseAsync(host, client))
        {
            using (response)
            {
                Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var value) && value.Single() == "no-referrer", what);
            }
        }
    }

    [Fact]
    public async Task V3_4_6_every_kind_of_response_forbids_framing_through_the_csp()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        foreach (var (what, response) in await AsvsProbes.EveryKindOfResponseAsync(host, client))
        {
            using (response)
            {
                Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp) && csp.Single().Contains("frame-ancestors 'none'", StringComparison.Ordinal), what);
            }
        }
    }

    [Fact]
    public async Task V3_5_1_the_api_ignores_the_sign_in_cookie_and_forms_need_the_antiforgery_token()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var browser = await Browser.SignedInAsync(host, "owner@a.example");

        // A page opens with the cookie, the API does not: only a bearer token, which a browser never adds by itself.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/orgs/{host.OrganizationA}/controls")).StatusCode);
        using var api = await browser.GetAsync($"/api/orgs/{host.OrganizationA}/controls");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        // A form post without the antiforgery token is refused, the sign-in form included (login CSRF).
        using var stranger = new Browser(host.RawClient());
        using var forged = await stranger.PostAsync("/signin", new() { ["_handler"] = "signin", ["Input.Email"] = "owner@a.example", ["Input.Password"] = "a long enough passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(stranger.Cookies.ContainsKey(Browser.SessionCookie));
    }

    [Fact]
    public async Task V3_5_3_signing_out_is_a_post_and_a_get_changes_nothing()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var browser = await Browser.SignedInAsync(host, "owner@a.example");

        using (var viaGet = await browser.GetAsync("/signout"))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, viaGet.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/orgs")).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/orgs")]
    [InlineData("https://evil.example/orgs")]
    [InlineData("/\\evil.example/orgs")]
    [InlineData("/%5Cevil.example/orgs")]
    [InlineData("javascript:alert(1)")]
    public async Task V3_7_2_signing_in_never_sends_the_browser_to_another_host(string returnUrl)
    {
        await using var host = await AsvsProbes.StartAsync();
        using var browser = new Browser(host.RawClient());
        var target = "/signin?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var form = ApiHost.HiddenFields(await browser.GetStringAsync(target));
        form["Input.Email"] = "owner@a.example";
        form["Input.Password"] = "a long enough passphrase";

        using var signedIn = await browser.PostAsync(target, form);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var location = signedIn.Headers.Location!;
        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
        Assert.Equal("localhost", absolute.Host);
    }
}
