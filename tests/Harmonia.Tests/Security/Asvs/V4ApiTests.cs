using System.Net;
using Harmonia.App.Features.Accounts;

namespace Harmonia.Tests.Security.Asvs;

/// <summary>OWASP ASVS 5.0 chapter V4, API and web service: content types, no silent redirects for the API, no WebSocket.</summary>
public sealed class V4ApiTests
{
    [Fact]
    public async Task V4_1_1_every_body_declares_its_type_and_text_declares_utf8()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        foreach (var (what, response) in await AsvsProbes.EveryKindOfResponseAsync(host, client))
        {
            using (response)
            {
                if ((await response.Content.ReadAsByteArrayAsync()).Length == 0)
                {
                    continue;
                }

                var type = response.Content.Headers.ContentType;
                Assert.True(type?.MediaType is not null, $"{what} has a body but no Content-Type");
                if (type!.MediaType!.StartsWith("text/", StringComparison.Ordinal))
                {
                    Assert.True(string.Equals(type.CharSet, "utf-8", StringComparison.OrdinalIgnoreCase), $"{what}: {type}");
                }
                else
                {
                    // JSON is UTF-8 by definition (RFC 8259); the API answers nothing else.
                    Assert.True(type.MediaType is "application/json" or "application/problem+json", $"{what}: {type}");
                }
            }
        }
    }

    [Fact]
    public async Task V4_1_2_over_plain_http_pages_redirect_but_the_api_refuses_instead_of_redirecting()
    {
        await using var host = await AsvsProbes.StartAsync(AsvsProbes.TlsOnly());
        using var client = host.RawClient(AsvsProbes.PlainHttp);

        using var page = await client.GetAsync(new Uri("/signin", UriKind.Relative));
        Assert.True(page.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect, $"{(int)page.StatusCode}");
        Assert.Equal("https://harmonia.example/signin", page.Headers.Location!.ToString());

        using var api = await AsvsProbes.SendAsync(client, HttpMethod.Get, $"/api/orgs/{host.OrganizationA}/controls", host.TokensA[OrganizationRole.Owner]);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Null(api.Headers.Location);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("HTTPS", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var write = await AsvsProbes.SendAsync(client, HttpMethod.Delete, $"/api/orgs/{host.OrganizationA}/controls/{await host.NewControlAsync(host.OrganizationA)}", host.TokensA[OrganizationRole.Owner]);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        // The same call over TLS works.
        using var tls = host.RawClient(AsvsProbes.Tls);
        Assert.Equal(HttpStatusCode.OK, (await AsvsProbes.SendAsync(tls, HttpMethod.Get, $"/api/orgs/{host.OrganizationA}/controls", host.TokensA[OrganizationRole.Owner])).StatusCode);
    }

    [Fact]
    public async Task V4_4_1_the_app_opens_no_websocket_endpoint()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        foreach (var path in new[] { "/_blazor", "/_blazor/negotiate", "/ws" })
        {
            using var response = await AsvsProbes.SendAsync(client, HttpMethod.Get, path, adjust: r =>
            {
                r.Headers.Add("Connection", "Upgrade");
                r.Headers.Add("Upgrade", "websocket");
                r.Headers.Add("Sec-WebSocket-Version", "13");
                r.Headers.Add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
            });
            Assert.NotEqual(HttpStatusCode.SwitchingProtocols, response.StatusCode);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        }
    }
}
