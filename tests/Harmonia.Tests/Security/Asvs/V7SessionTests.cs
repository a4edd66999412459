using Harmonia.Tests.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Harmonia.Tests.Security.Asvs;

/// <summary>OWASP ASVS 5.0 chapter V7, session management: inactivity timeout and a way out on every page.</summary>
public sealed class V7SessionTests
{
    [Fact]
    public async Task V7_3_1_a_session_ends_after_eight_hours_without_use()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var browser = await Browser.SignedInAsync(host, "owner@a.example");
        var options = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        var ticket = options.TicketDataFormat.Unprotect(browser.Cookies[Browser.SessionCookie]);

        Assert.NotNull(ticket);
        Assert.Equal(TimeSpan.FromHours(8), ticket.Properties.ExpiresUtc - ticket.Properties.IssuedUtc);
        Assert.False(ticket.Properties.IsPersistent);
        Assert.True(options.SlidingExpiration);
    }

    [Fact]
    public async Task V7_4_4_every_signed_in_page_offers_sign_out()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var browser = await Browser.SignedInAsync(host, "owner@a.example");
        foreach (var page in AsvsProbes.SignedInPages(host))
        {
            var html = await browser.GetStringAsync(page);
            Assert.True(html.Contains("action=\"/signout\"", StringComparison.Ordinal) && html.Contains(">Sign out</button>", StringComparison.Ordinal), page);
        }
    }
}
