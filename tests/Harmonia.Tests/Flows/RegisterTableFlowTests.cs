using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// Issue 19 item 6 in a browser: a compliance manager sorts the supplier register, shows fewer rows per page, hides a
/// column and downloads exactly the view on the screen, with axe-core checking every page on the way.
/// </summary>
public sealed class RegisterTableFlowTests
{
    [Fact]
    public async Task A_register_is_sorted_paged_narrowed_and_downloaded_as_shown()
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(1280, 900);
        await page.GotoAsync(site.Org + "/suppliers");

        // Sort by supplier name, then reverse it: each click is an address (the arrow is hidden from screen readers, aria-sort says it).
        await page.GetByRole(AriaRole.Link, new() { Name = "Supplier", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**sort=name**");
        await page.GetByRole(AriaRole.Link, new() { Name = "Supplier", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**sort=-name**");
        Assert.Equal("descending", await page.Locator("th[aria-sort]").GetAttributeAsync("aria-sort"));

        // Fewer rows per page: the filter form keeps the order.
        await page.Locator("#size").SelectOptionAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**size=25**");
        Assert.Contains("sort=-name", page.Url, StringComparison.Ordinal);

        // Hide the tier column; the choice stays in the address and in the sort links.
        await page.GetByText("Columns", new() { Exact = true }).ClickAsync();
        await BrowserSupport.AssertAccessibleAsync(page, "the supplier register's column choice");
        Assert.True(await page.Locator("#cols-tier").IsCheckedAsync());
        await page.Locator("#cols-tier").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show these columns" }).ClickAsync();
        await page.WaitForURLAsync("**cols=**");
        Assert.Contains("sort=-name", page.Url, StringComparison.Ordinal);
        Assert.Contains("size=25", page.Url, StringComparison.Ordinal);
        // (Headers are set in capitals by the style sheet, so the text is compared without case.)
        var headers = await page.Locator("table.suppliers thead th").AllInnerTextsAsync();
        Assert.DoesNotContain(headers, h => h.StartsWith("Tier", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(headers, h => h.StartsWith("Key", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(headers, h => h.StartsWith("Supplier", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("cols=", await page.GetByRole(AriaRole.Link, new() { Name = "Kind", Exact = true }).GetAttributeAsync("href"), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "register-sorted-narrowed");

        // The download is the view: the same suppliers in the same order.
        var shown = await page.Locator("table.suppliers tbody td.ref").AllInnerTextsAsync();
        Assert.True(shown.Count > 1, "the sample has suppliers");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        var rows = (await File.ReadAllTextAsync(await download.PathAsync())).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..];
        Assert.Equal(shown.Select(k => k.Trim()), rows.Select(r => r.Split(',')[0].Trim('\uFEFF', '"')));
        CheckedBrowser.AssertNoViolations(page);
    }
}
