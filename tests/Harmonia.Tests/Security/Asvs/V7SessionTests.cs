using System.Net;
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
    public async Task V7_3_2_a_session_in_constant_use_still_ends_twelve_hours_after_the_sign_in()
    {
        var clock = new MovableClock();
        await using var host = await AsvsProbes.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        using var browser = await Browser.SignedInAsync(host, "owner@a.example");

        // Used every three hours, so the eight-hour inactivity limit never strikes.
        for (var hours = 3; hours <= 9; hours += 3)
        {
            clock.Advance(TimeSpan.FromHours(3));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/orgs")).StatusCode);
        }

        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/orgs")).StatusCode);

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        using var expired = await browser.GetAsync("/orgs");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/signin", expired.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        // Signing in again starts a new twelve hours.
        using var again = await Browser.SignedInAsync(host, "owner@a.example");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/orgs")).StatusCode);
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
