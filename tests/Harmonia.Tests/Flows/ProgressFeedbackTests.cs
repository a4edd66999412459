using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// Issue 19 item 9: a form post shows at once that it is under way (the pressed button says "Working…" and is marked disabled,
/// the form is busy), so a slow answer is never met by a second click; the post still carries the pressed button.
/// </summary>
public sealed class ProgressFeedbackTests
{
    [Fact]
    public async Task A_slow_post_shows_that_it_is_working_and_cannot_be_sent_twice()
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(1280, 900);
        await page.GotoAsync(site.Org + "/risks");
        var posts = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/risks/add", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref posts);
            }
        };

        await page.Locator("#risk-key").FillAsync("R-SLOW-1");
        await page.Locator("#risk-title").FillAsync("Courier loses the backup disk");
        await page.Locator("input[name=categories]").First.CheckAsync();
        foreach (var select in new[] { "#risk-il", "#risk-ii", "#risk-rl", "#risk-ri" })
        {
            await page.Locator(select).SelectOptionAsync("2");
        }

        await page.Locator("#risk-treatment").SelectOptionAsync("accept");

        // What the person sees the moment the post leaves (recorded in the page, which is replaced by the answer), and a
        // second attempt right after it, as an impatient second click would make.
        await page.EvaluateAsync("""
            () => document.addEventListener('submit', e => {
              const button = e.submitter;
              sessionStorage.setItem('seen', JSON.stringify({ busy: e.target.getAttribute('aria-busy'), text: button.textContent, disabled: button.getAttribute('aria-disabled') }));
              setTimeout(() => e.target.requestSubmit(button), 0);
            }, { once: true })
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the risk" }).ClickAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "R-SLOW-1", Exact = true }).WaitForAsync();

        var seen = System.Text.Json.JsonDocument.Parse(await page.EvaluateAsync<string>("() => sessionStorage.getItem('seen')")).RootElement;
        Assert.Equal("true", seen.GetProperty("busy").GetString());
        Assert.Equal("Working…", seen.GetProperty("text").GetString());
        Assert.Equal("true", seen.GetProperty("disabled").GetString());
        Assert.Equal(1, posts);
        Assert.Equal(1, await page.GetByRole(AriaRole.Cell, new() { Name = "R-SLOW-1", Exact = true }).CountAsync());
    }
}
