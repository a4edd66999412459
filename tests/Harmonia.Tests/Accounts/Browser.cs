using System.Net;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Accounts;

/// <summary>
/// A browser whose cookies the test can see and copy: the way to check that a cookie taken from one session stops
/// working on the server when it should.
/// </summary>
internal sealed class Browser(HttpClient client) : IDisposable
{
    public const string SessionCookie = ".AspNetCore.Identity.Application";

    private readonly HttpClient _client = client;

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public static async Task<Browser> SignedInAsync(ApiHost host, string email, string passphrase = "a long enough passphrase")
    {
        var browser = new Browser(host.RawClient());
        using var response = await browser.SignInAsync(email, passphrase);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {email} answered {(int)response.StatusCode}");
        return browser;
    }

    /// <summary>Another browser holding copies of this one's cookies (a stolen or copied session).</summary>
    public Browser Copy(ApiHost host)
    {
        var copy = new Browser(host.RawClient());
        foreach (var (name, value) in Cookies)
        {
            copy.Cookies[name] = value;
        }

        return copy;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string passphrase)
    {
        var form = ApiHost.HiddenFields(await GetStringAsync("/signin"));
        form["Input.Email"] = email;
        form["Input.Password"] = passphrase;
        return await PostAsync("/signin", form);
    }

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(request);
    }

    public async Task<string> GetStringAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form with the antiforgery token of <paramref name="formPage"/> (a page this browser may open).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string formPage, Dictionary<string, string> fields)
    {
        var hidden = ApiHost.HiddenFields(await GetStringAsync(formPage));
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = hidden["__RequestVerificationToken"] };
        return await PostAsync(url, form);
    }

    /// <summary>Posts a Blazor form of a page: its hidden fields (handler name, antiforgery) plus the given ones.</summary>
    public async Task<HttpResponseMessage> PostPageFormAsync(string page, string formName, Dictionary<string, string> fields)
    {
        var html = await GetStringAsync(page);
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = ApiHost.HiddenFields(html)["__RequestVerificationToken"],
            ["_handler"] = formName,
        };
        return await PostAsync(page, form);
    }

    public async Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        return await SendAsync(request);
    }

    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
            var value = pair[(name.Length + 1)..];
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                Cookies.Remove(name);
            }
            else
            {
                Cookies[name] = value;
            }
        }

        return response;
    }
}
