using Harmonia.Tests.Flows;
using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Harmonia.Tests.Webhooks;

/// <summary>
/// The webhooks page as an Owner uses it, in Chromium with axe-core on every page: add two webhooks (the secret shown
/// once), send each a test, read the delivery log (one delivered, one given up), send the failed one again, and find the
/// failing webhook switched off by Harmonia with the reason on its page. The server's own worker sends the messages.
/// </summary>
public sealed class WebhookPageFlowTests
{
    private static readonly Dictionary<string, string> Settings = new(WebhookDeliveryTests.Loopback)
    {
        ["Webhooks:PollEvery"] = "00:00:00.2",
        ["Webhooks:SwitchOffAfter"] = "00:00:05",
    };

    [Fact]
    public async Task An_owner_adds_webhooks_tests_them_reads_the_log_and_sees_a_failing_one_switched_off()
    {
        await using var working = await WebhookReceiver.StartAsync(200);
        await using var broken = await WebhookReceiver.StartAsync(500);
        await using var site = await AcmeBrowserSite.StartAsync(Settings);
        var page = await site.SignInAsync(1280, 900);

        foreach (var (receiver, description) in new[] { (working, "Ticketing"), (broken, "Chat channel") })
        {
            await page.GotoAsync(site.Org + "/webhooks");
            await page.GetByLabel("Address (URL) the events are sent to").FillAsync(receiver.Url);
            await page.GetByLabel("Description (optional)").FillAsync(description);
            await page.Locator("#event-risk-created").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add webhook", Exact = true }).ClickAsync();
            var secret = page.Locator("#webhook-secret");
            await secret.WaitForAsync();
            Assert.StartsWith("whsec_", await secret.InnerTextAsync(), StringComparison.Ordinal);
        }

        await page.GotoAsync(site.Org + "/webhooks");
        Assert.Equal(2, await page.Locator("section[aria-labelledby=endpoints-title] tbody tr").CountAsync());
        Assert.DoesNotContain("whsec_", await page.ContentAsync(), StringComparison.Ordinal);
        foreach (var receiver in new[] { working, broken })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Send a test message to {receiver.Url}", Exact = true }).ClickAsync();
            await page.Locator("main p.ok[role=status]").WaitForAsync();
        }

        var log = page.Locator("section#log tbody tr");
        await ReloadUntilAsync(page, async () => await log.Filter(new() { HasText = "Delivered" }).CountAsync() == 1 && await log.Filter(new() { HasText = "Given up" }).CountAsync() == 1);
        Assert.Single(working.Received);
        Assert.Equal(3, broken.Received.Count);
        var givenUp = log.Filter(new() { HasText = "Given up" });
        Assert.Contains("The receiver answered 500", await givenUp.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "webhooks-log");

        // Sent again after the switch-off time (five seconds here): every attempt since the first one has failed, so Harmonia switches it off.
        await Task.Delay(TimeSpan.FromSeconds(5.2));
        await givenUp.Locator("button", new() { HasText = "Send again" }).ClickAsync();
        var outcome = page.Locator("main p.ok[role=status], main p.error[role=alert]");
        await outcome.WaitForAsync();
        Assert.Contains("queued to be sent again", await outcome.InnerTextAsync(), StringComparison.Ordinal);
        var state = page.Locator("section[aria-labelledby=endpoints-title] tbody tr").Filter(new() { HasText = broken.Url });
        await ReloadUntilAsync(page, async () => (await state.InnerTextAsync()).Contains("Switched off by Harmonia", StringComparison.Ordinal));
        Assert.Contains("On", await page.Locator("section[aria-labelledby=endpoints-title] tbody tr").Filter(new() { HasText = working.Url }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await state.GetByRole(AriaRole.Button, new() { Name = $"Send a test message to {broken.Url}" }).CountAsync());

        await state.GetByRole(AriaRole.Link, new() { Name = broken.Url, Exact = true }).ClickAsync();
        var off = page.Locator("section[aria-labelledby=off-title]");
        await off.WaitForAsync();
        Assert.Contains("Switched off automatically: every attempt since", await off.InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await page.GetByLabel("Switched on (send events)").IsCheckedAsync());
        await BrowserSupport.Shot(page, "webhook-switched-off");
        CheckedBrowser.AssertNoViolations(page);
    }

    /// <summary>The worker sends in the background: reload the page until the condition holds, at most 20 s.</summary>
    private static async Task ReloadUntilAsync(IPage page, Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The delivery log did not reach the expected state within 20 s.");
            await Task.Delay(300);
            await page.ReloadAsync();
        }
    }
}
