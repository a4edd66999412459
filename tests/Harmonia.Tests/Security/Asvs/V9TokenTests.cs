using System.Net;
using Harmonia.Tests.Accounts;

namespace Harmonia.Tests.Security.Asvs;

/// <summary>
/// OWASP ASVS 5.0 chapter V9, self-contained tokens: the sign-in cookie is one (an encrypted, authenticated ticket),
/// so it must not survive tampering or being swapped for another of the app's protected values.
/// </summary>
public sealed class V9TokenTests
{
    [Fact]
    public async Task V9_1_1_a_tampered_session_cookie_is_refused()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var browser = await Browser.SignedInAsync(host, "owner@a.example");
        var cookie = browser.Cookies[Browser.SessionCookie];
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/orgs")).StatusCode);

        foreach (var position in new[] { 10, cookie.Length / 2, cookie.Length - 5 })
        {
            using var forged = browser.Copy(host);
            forged.Cookies[Browser.SessionCookie] = cookie[..position] + (cookie[position] == 'A' ? 'B' : 'A') + cookie[(position + 1)..];
            using var response = await forged.GetAsync("/orgs");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/signin", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task V9_2_2_another_protected_value_of_the_app_is_not_accepted_as_a_session()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var browser = await Browser.SignedInAsync(host, "owner@a.example");
        var antiforgery = browser.Cookies.Single(c => c.Key.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Value;

        using var swapped = new Browser(host.RawClient());
        swapped.Cookies[Browser.SessionCookie] = antiforgery;
        using var response = await swapped.GetAsync("/orgs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
