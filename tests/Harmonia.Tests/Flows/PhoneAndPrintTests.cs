using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Harmonia.Tests.Flows;

/// <summary>
/// Issue 19 item 10: every page of the sidebar fits a 360 px phone (wide tables scroll inside their card, forms stack),
/// and reports print as their content: the gap analysis and the controls list printed to PDF by Chromium and read back by PdfPig has its
/// rows and none of the navigation, search box or forms.
/// </summary>
public sealed class PhoneAndPrintTests
{
    [Fact]
    public async Task Every_page_of_the_sidebar_fits_a_360_px_phone()
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(360, 740);
        await page.GotoAsync(site.Org);
        var pages = (await page.Locator("nav.orgnav a[href^='/orgs/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Distinct(StringComparer.Ordinal).ToArray();
        Assert.True(pages.Length >= 20, $"the sidebar lists {pages.Length} pages");

        var tooWide = new List<string>();
        foreach (var href in pages)
        {
            var response = await page.GotoAsync(site.BaseUrl + href);
            Assert.Equal(200, response!.Status);
            var wider = await page.EvaluateAsync<string>(BrowserSupport.WiderThanTheScreen);
            if (wider.Length > 0)
            {
                tooWide.Add($"{href}: {wider}");
            }
        }

        Assert.True(tooWide.Count == 0, "pages wider than a 360 px phone:\n" + string.Join("\n", tooWide));
        await page.GotoAsync(site.Org + "/risks");
        await BrowserSupport.Shot(page, "phone-360-risks");
    }

    [Fact]
    public async Task The_gap_analysis_and_the_controls_list_print_as_reports_without_the_navigation_or_forms()
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(1280, 900);

        await page.GotoAsync(site.Org + "/gap/iso27001-2022");
        var onScreen = await page.Locator("main h1").InnerTextAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("nav.orgnav").IsVisibleAsync());
        Assert.False(await page.Locator("#orgnav-q").IsVisibleAsync());
        Assert.True(await page.Locator("main h1").IsVisibleAsync());
        var gap = Text(await page.PdfAsync(new() { Format = "A4", PrintBackground = true }));
        Assert.Contains(Words(onScreen), Words(gap), StringComparison.Ordinal);
        Assert.Contains("A.5.15", gap, StringComparison.Ordinal);
        Assert.DoesNotContain("Skip to content", gap, StringComparison.Ordinal);
        Assert.DoesNotContain("Search records", gap, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", gap, StringComparison.Ordinal);

        // (A PDF follows the emulated media: screen while reading the page, print for the PDF.)
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GotoAsync(site.Org + "/controls");
        var firstControl = await page.Locator("main table tbody tr td.ref").First.InnerTextAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var register = Text(await page.PdfAsync(new() { Format = "A4" }));
        Assert.Contains(firstControl.Trim(), register, StringComparison.Ordinal);
        Assert.DoesNotContain("Search records", register, StringComparison.Ordinal);
        Assert.DoesNotContain("Skip to content", register, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", register, StringComparison.Ordinal);
        Assert.DoesNotContain("Delete the ticked controls", register, StringComparison.Ordinal);
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    /// <summary>Words joined by single spaces, so text laid out on paper compares with text on screen.</summary>
    private static string Words(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
