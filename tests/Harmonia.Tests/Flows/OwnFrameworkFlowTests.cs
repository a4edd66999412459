using System.Net;
using Harmonia.Tests.Catalogs;
using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// An organization's own frameworks in the browser (ADR 0036): the frameworks page lists shipped and own frameworks,
/// a refused file is named beside the file field and keeps the other choices, NIST SP 800-53 LOW imports with its
/// catalog, its page shows provenance and requirements (the address a search hit links to), and removal asks first.
/// </summary>
public sealed class OwnFrameworkFlowTests
{
    [Fact]
    public async Task A_framework_is_imported_shown_and_removed_from_the_frameworks_page()
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(1280, 900);
        var folder = Directory.CreateTempSubdirectory("harmonia-frameworks-");
        try
        {
            var (profile, catalog, broken) = (Path.Combine(folder.FullName, "nist-800-53-low.json"), Path.Combine(folder.FullName, "catalog.json"), Path.Combine(folder.FullName, "mine.yaml"));
            await File.WriteAllTextAsync(profile, OwnFrameworkTests.LowProfile());
            await File.WriteAllTextAsync(catalog, OwnFrameworkTests.LowCatalog());
            await File.WriteAllTextAsync(broken, "id: mine\nname: Mine\ncolour: red\ngroups: []\nrequirements: []\n");

            await page.GotoAsync(site.Org + "/frameworks");
            Assert.Contains("ISO/IEC 27001", await page.Locator("table.register").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserSupport.AssertAccessibleAsync(page, "the frameworks page");

            await page.Locator("#framework-file").SetInputFilesAsync(broken);
            await page.Locator("#framework-format").SelectOptionAsync("yaml");
            await page.Locator("#framework-id").FillAsync("mine");
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/frameworks?**");
            Assert.Contains("colour", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("yaml", await page.Locator("#framework-format").InputValueAsync());
            Assert.Equal("mine", await page.Locator("#framework-id").InputValueAsync());
            Assert.DoesNotContain("colour", page.Url, StringComparison.Ordinal);
            await BrowserSupport.AssertAccessibleAsync(page, "the frameworks page after a refused file");

            await page.Locator("#framework-file").SetInputFilesAsync(profile);
            await page.Locator("#framework-format").SelectOptionAsync("oscal");
            await page.Locator("#framework-id").FillAsync("nist-800-53-low");
            await page.Locator("#framework-catalog").SetInputFilesAsync(catalog);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/frameworks/nist-800-53-low**");
            var shown = await page.Locator("main").InnerTextAsync();
            Assert.Contains("149 requirements", shown, StringComparison.Ordinal);
            Assert.Contains("OSCAL file nist-800-53-low.json", shown, StringComparison.Ordinal);
            Assert.Contains("Account Management", shown, StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("tr[id='ac-2']").CountAsync());

            // The search finds the control and its hit opens this page at that row.
            // (A search reads a bounded slice of the audit trail each time, so it may take a second look to be complete.)
            var hit = page.Locator("a[href*='/frameworks/']", new() { HasText = "AC-2" });
            for (var look = 0; look < 5 && await hit.CountAsync() == 0; look++)
            {
                await page.GotoAsync(site.Org + "/search?q=Account+Management");
            }

            await hit.First.ClickAsync();
            await page.WaitForURLAsync("**#ac-2");
            Assert.Contains("149 requirements", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserSupport.AssertAccessibleAsync(page, "an own framework's page");

            // Removal asks first (the browser insists on the tick), then goes, and the page answers 404 afterwards.
            await page.Locator("#confirm-remove-framework").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Remove framework" }).ClickAsync();
            await page.WaitForURLAsync("**/frameworks?**");
            Assert.Contains("removed", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            var gone = await page.GotoAsync(site.Org + "/frameworks/nist-800-53-low");
            Assert.Equal((int)HttpStatusCode.NotFound, gone!.Status);
            CheckedBrowser.AssertNoViolations(page);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
