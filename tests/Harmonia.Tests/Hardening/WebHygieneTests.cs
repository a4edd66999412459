using System.Net;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Hardening;

/// <summary>
/// What the app trusts about a request: forwarded headers only from configured proxies, allowed host names, TLS-only
/// deployments with secure cookies, redirection and HSTS, and the API description off unless published.
/// </summary>
public sealed class WebHygieneTests
{
    private static async Task<HttpResponseMessage> SignInPageAsync(HttpClient client, string? forwardedProto = null, string? forwardedFor = null, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/signin", UriKind.Relative));
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request);
    }

    private static bool AntiforgeryCookieIsSecure(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Where(c => c.Split('=')[0].Contains("Antiforgery", StringComparison.Ordinal)).All(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase))
        && cookies.Any(c => c.Split('=')[0].Contains("Antiforgery", StringComparison.Ordinal));

    [Fact]
    public async Task The_API_description_is_off_by_default_outside_Development_and_on_when_published()
    {
        await using (var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite))
        {
            using var client = host.Client(null);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/docs", UriKind.Relative))).StatusCode);
        }

        await using (var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Api:PublishDocs"] = "true" }))
        {
            using var client = host.Client(null);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/docs", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task A_host_name_outside_the_allowed_hosts_is_refused()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var client = host.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health", UriKind.Relative));
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_count_only_from_a_configured_proxy()
    {
        // Nobody configured: a client claiming HTTPS through X-Forwarded-Proto is not believed.
        var port = BrowserSupport.FreePort();
        await using (var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" }, port))
        {
            using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl!) };
            using var plain = await SignInPageAsync(client, forwardedProto: "https", forwardedFor: "203.0.113.9");
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.False(AntiforgeryCookieIsSecure(plain));
        }

        // The loopback proxy configured: its X-Forwarded-Proto is believed, so the cookie is marked secure.
        port = BrowserSupport.FreePort();
        await using (var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}", ["ReverseProxy:KnownProxies:0"] = "127.0.0.1" }, port))
        {
            using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl!) };
            using var proxied = await SignInPageAsync(client, forwardedProto: "https", forwardedFor: "203.0.113.9");
            Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
            Assert.True(AntiforgeryCookieIsSecure(proxied));
        }
    }

    [Fact]
    public async Task A_TLS_only_deployment_redirects_plain_HTTP_marks_cookies_secure_and_sends_HSTS()
    {
        var port = BrowserSupport.FreePort();
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Security:HttpsOnly"] = "true",
            ["HTTPS_PORT"] = "443",
            ["ReverseProxy:KnownProxies:0"] = "127.0.0.1",
            ["AllowedHosts"] = "harmonia.example",
        }, port);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl!) };

        using var plain = await SignInPageAsync(client, host: "harmonia.example");
        Assert.True(plain.StatusCode is HttpStatusCode.RedirectKeepVerb or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect, $"{(int)plain.StatusCode}");
        Assert.Equal("https://harmonia.example/signin", plain.Headers.Location!.ToString());

        using var overTls = await SignInPageAsync(client, forwardedProto: "https", host: "harmonia.example");
        Assert.Equal(HttpStatusCode.OK, overTls.StatusCode);
        Assert.True(AntiforgeryCookieIsSecure(overTls));
        Assert.Contains("max-age=31536000", overTls.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }
}
