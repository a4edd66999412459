using System.Net;

namespace Harmonia.Tests.Infrastructure;

/// <summary>
/// A form post's outcome is shown on the page it redirects to and never travels in the address (ADR 0023): follow the
/// redirect with the same client (same cookies) and read the page.
/// </summary>
internal static class PageOutcome
{
    public static async Task<string> OutcomeAsync(this HttpClient client, HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"no redirect: {(int)response.StatusCode}");
        var target = location.IsAbsoluteUri ? location : new Uri(client.BaseAddress ?? new Uri("http://localhost"), location);
        using var request = new HttpRequestMessage(HttpMethod.Get, target);

        // A client that sends its cookies by hand has not kept the flash cookie: pass it on.
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(c => c.StartsWith("harmonia-flash=", StringComparison.Ordinal)) is { } flash)
        {
            request.Headers.Add("Cookie", flash.Split(';')[0]);
        }

        using var page = await client.SendAsync(request);
        return WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
    }

    public static async Task<string> OutcomeAsync(this Harmonia.Tests.Accounts.Browser browser, HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"no redirect: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await browser.GetStringAsync(location.OriginalString.Split('#')[0]));
    }
}
