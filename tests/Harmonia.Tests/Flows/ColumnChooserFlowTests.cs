using System.Net;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Flows;

/// <summary>
/// Issue 19: the evidence list and the nonconformity register hide columns through the same column choice as the
/// other registers. The choice is an address kept in every link of the view (tabs, search, sort, pages), and the
/// column that tells the rows apart always stays.
/// </summary>
public sealed class ColumnChooserFlowTests
{
    [Fact]
    public async Task The_evidence_list_hides_the_columns_unticked_and_keeps_the_choice_while_filtering_and_sorting()
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(1280, 900);
        await page.GotoAsync(site.Org + "/evidence?sort=title&size=25");

        async Task<IReadOnlyList<string>> HeadersAsync() => await page.Locator("table.evidence thead th").AllInnerTextsAsync();

        await page.GetByText("Columns", new() { Exact = true }).ClickAsync();
        await BrowserSupport.AssertAccessibleAsync(page, "the evidence list's column choice");
        Assert.Equal(0, await page.Locator("#cols-title").CountAsync());
        Assert.True(await page.Locator("#cols-kind").IsCheckedAsync());
        await page.Locator("#cols-kind").UncheckAsync();
        await page.Locator("#cols-location").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show these columns" }).ClickAsync();
        await page.WaitForURLAsync("**cols=**");
        Assert.Contains("sort=title", page.Url, StringComparison.Ordinal);
        Assert.Contains("size=25", page.Url, StringComparison.Ordinal);

        // (Headers are set in capitals by the style sheet, so the text is compared without case.)
        var headers = await HeadersAsync();
        Assert.DoesNotContain(headers, h => h.StartsWith("Kind", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(headers, h => h.StartsWith("File or link", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(headers, h => h.StartsWith("Evidence", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(headers, h => h.StartsWith("Control", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(headers, h => h.StartsWith("Expires", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("(2 hidden)", await page.Locator("details.columns summary").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "evidence-columns-narrowed");

        // Sorting, the freshness tabs, the pages and a search all keep the narrowed view.
        foreach (var link in new[] { page.GetByRole(AriaRole.Link, new() { Name = "Expires", Exact = true }), page.GetByRole(AriaRole.Link, new() { Name = "Current", Exact = true }) })
        {
            var href = await link.GetAttributeAsync("href");
            Assert.Contains("cols=control", href, StringComparison.Ordinal);
            Assert.DoesNotContain("cols=kind", href, StringComparison.Ordinal);
        }

        if (await page.Locator("nav.pager a").CountAsync() > 0)
        {
            Assert.Contains("cols=title", await page.Locator("nav.pager a").First.GetAttributeAsync("href"), StringComparison.Ordinal);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Expires", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**sort=expires**");
        Assert.DoesNotContain(await HeadersAsync(), h => h.StartsWith("Kind", StringComparison.OrdinalIgnoreCase));

        await page.Locator("#search").FillAsync("policy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**search=policy**");
        Assert.Contains("cols=", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await HeadersAsync(), h => h.StartsWith("Kind", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(await HeadersAsync(), h => h.StartsWith("Evidence", StringComparison.OrdinalIgnoreCase));
        CheckedBrowser.AssertNoViolations(page);
    }

    [Fact]
    public async Task The_nonconformity_register_hides_columns_but_never_the_key()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        await host.NewNonconformityAsync(host.OrganizationA, await host.NewAuditAsync(host.OrganizationA));
        using var browser = await host.SignedInAsync("viewer@a.example");
        var list = $"/orgs/{host.OrganizationA}/nonconformities";

        static string[] Headers(string html) => System.Text.RegularExpressions.Regex.Matches(html, "<th scope=\"col\"[^>]*>\\s*(?:<a[^>]*>)?([^<]+)")
            .Select(m => m.Groups[1].Value.Trim()).ToArray();

        var all = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{list}?all=1")));
        Assert.Equal(["Key", "Grade", "Finding", "Requirements", "State", "Source"], Headers(all));
        Assert.Contains("aria-label=\"Columns of the nonconformity register to show\"", all, StringComparison.Ordinal);

        var narrowed = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{list}?all=1&sort=-finding&size=25&cols=key&cols=grade&cols=state")));
        Assert.Equal(["Key", "Grade", "State"], Headers(narrowed));
        Assert.Contains("The policy was never approved.", all, StringComparison.Ordinal);
        Assert.DoesNotContain("The policy was never approved.", narrowed, StringComparison.Ordinal);
        Assert.Contains($"href=\"{list}?all=1&sort=key&size=25&cols=key&cols=grade&cols=state\"", narrowed, StringComparison.Ordinal);
        Assert.Contains($"href=\"{list}?sort=-finding&size=25&cols=key&cols=grade&cols=state\"", narrowed, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"cols\" value=\"state\"", narrowed, StringComparison.Ordinal);
        Assert.Contains("id=\"cols-finding\" name=\"cols\" value=\"finding\" />", narrowed, StringComparison.Ordinal);
        Assert.Contains("id=\"cols-grade\" name=\"cols\" value=\"grade\" checked", narrowed, StringComparison.Ordinal);

        // The key stays even when the address leaves it out; a column the register does not have shows them all.
        Assert.Equal(["Key", "Finding"], Headers(WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{list}?all=1&cols=finding")))));
        Assert.Equal(6, Headers(WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{list}?all=1&cols=colour")))).Length);
    }
}
