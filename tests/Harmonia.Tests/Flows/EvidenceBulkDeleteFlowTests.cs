using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// Issue 19 in a browser: the owner ticks two rows of the evidence list, confirms once and deletes both; the page says
/// what went, the rows are gone, the rest stays, and axe-core finds nothing on any page on the way.
/// </summary>
public sealed class EvidenceBulkDeleteFlowTests
{
    [Fact]
    public async Task Two_ticked_rows_of_the_evidence_list_are_deleted_behind_one_confirmation()
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(1280, 900);
        await page.GotoAsync(site.Org + "/evidence?size=200");
        var ticks = page.Locator("main table tbody input[name=evidenceIds]");
        var before = await ticks.CountAsync();
        Assert.True(before > 2, "the sample has evidence");
        var chosen = new[] { await ticks.Nth(0).GetAttributeAsync("value"), await ticks.Nth(1).GetAttributeAsync("value") };
        var kept = await ticks.Nth(2).GetAttributeAsync("value");

        // Without the confirmation the browser keeps the form from posting, and nothing is deleted.
        await ticks.Nth(0).CheckAsync();
        await ticks.Nth(1).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the ticked evidence", Exact = true }).ClickAsync();
        Assert.Contains("/evidence", page.Url, StringComparison.Ordinal);
        Assert.Equal(before, await ticks.CountAsync());

        await page.GetByLabel("Yes, delete the ticked evidence", new() { Exact = true }).CheckAsync();
        await BrowserSupport.AssertAccessibleAsync(page, "the evidence list with two rows ticked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the ticked evidence", Exact = true }).ClickAsync();
        var done = page.Locator("main p.ok[role=status]");
        await done.WaitForAsync();
        Assert.Contains("2 pieces of evidence deleted", await done.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("?saved", page.Url, StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "evidence-bulk-deleted");

        await page.GotoAsync(site.Org + "/evidence?size=200");
        var left = await page.Locator("main table tbody input[name=evidenceIds]").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.value)");
        Assert.DoesNotContain(chosen[0], left);
        Assert.DoesNotContain(chosen[1], left);
        Assert.Contains(kept, left);
        Assert.Equal(before - 2, left.Length);
        CheckedBrowser.AssertNoViolations(page);
    }
}
