using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// ADR 0023 in a real browser on a desk and a phone: a deliberate mistake in the risk form, the AI system form and the
/// SoA loses nothing typed, the message sits beside its field and a summary links to it; outcomes never come from the
/// address; the sidebar reaches every page. axe-core checks every page visited. Screenshots ux-* in screenshots/.
/// </summary>
public sealed class FormsKeepInputFlowTests
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task A_refused_form_comes_back_with_everything_typed_and_the_message_beside_the_field(int width, int height)
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(width, height);
        var shot = width < 500 ? "ux-phone" : "ux-desk";

        // The risk form: every field typed, mitigated but no control chosen.
        await site.AddControlAsync("C-UX-1");
        await page.GotoAsync(site.Org + "/risks");
        await page.Locator("#risk-key").FillAsync("R-UX-1");
        await page.Locator("#risk-title").FillAsync("Laptop stolen in transit");
        await page.Locator("#risk-description").FillAsync("A courier loses a laptop with customer data.");
        await page.Locator("#risk-assets").FillAsync("field laptops");
        await page.Locator("input[name=categories]").First.CheckAsync();
        await page.Locator("#risk-il").SelectOptionAsync("2");
        await page.Locator("#risk-ii").SelectOptionAsync("3");
        await page.Locator("#risk-rl").SelectOptionAsync("1");
        await page.Locator("#risk-ri").SelectOptionAsync("2");
        await page.Locator("#risk-treatment").SelectOptionAsync("mitigate");
        await page.Locator("#risk-owner").FillAsync("Head of IT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the risk" }).ClickAsync();

        Assert.Contains("A mitigated risk names the controls", await page.Locator("#risk-controls + #error-controls").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#error-summary a[href='#error-controls']").CountAsync());
        Assert.Equal("R-UX-1", await page.Locator("#risk-key").InputValueAsync());
        Assert.Equal("Laptop stolen in transit", await page.Locator("#risk-title").InputValueAsync());
        Assert.Equal("A courier loses a laptop with customer data.", await page.Locator("#risk-description").InputValueAsync());
        Assert.Equal("field laptops", await page.Locator("#risk-assets").InputValueAsync());
        Assert.True(await page.Locator("input[name=categories]").First.IsCheckedAsync());
        Assert.Equal(["2", "3", "1", "2"], [await page.Locator("#risk-il").InputValueAsync(), await page.Locator("#risk-ii").InputValueAsync(), await page.Locator("#risk-rl").InputValueAsync(), await page.Locator("#risk-ri").InputValueAsync()]);
        Assert.Equal("Head of IT", await page.Locator("#risk-owner").InputValueAsync());
        Assert.Contains("error-controls", await page.Locator("#risk-controls").GetAttributeAsync("aria-describedby"), StringComparison.Ordinal);
        Assert.DoesNotContain("error", page.Url, StringComparison.OrdinalIgnoreCase);
        await page.Locator("#risk-controls").ScrollIntoViewIfNeededAsync();
        await BrowserSupport.Shot(page, shot + "-risk-after-error");

        // Read once: the same page again is the fresh form.
        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("#error-controls").CountAsync());
        Assert.Equal(string.Empty, await page.Locator("#risk-title").InputValueAsync());

        // The AI system form: a control chosen from the list, a key with spaces.
        await page.GotoAsync(site.Org + "/ai-systems");
        await page.Locator("#ai-key").FillAsync("AI UX");
        await page.Locator("#ai-name").FillAsync("Invoice classifier");
        await page.Locator("#ai-purpose").FillAsync("Sorts incoming invoices by cost centre.");
        await page.Locator("#ai-model").FillAsync("gradient-boosted trees");
        await BrowserSupport.PickAsync(page, "ai-controls", "C-UX-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the AI system" }).ClickAsync();
        Assert.Contains("no spaces", await page.Locator("#ai-key + #error-key").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#error-summary a[href='#error-key']").CountAsync());
        Assert.True(await page.Locator("#ai-controls input[value='C-UX-1']").IsCheckedAsync());
        Assert.Equal("AI UX", await page.Locator("#ai-key").InputValueAsync());
        Assert.Equal("Invoice classifier", await page.Locator("#ai-name").InputValueAsync());
        Assert.Equal("Sorts incoming invoices by cost centre.", await page.Locator("#ai-purpose").InputValueAsync());
        Assert.Equal("gradient-boosted trees", await page.Locator("#ai-model").InputValueAsync());
        await BrowserSupport.Shot(page, shot + "-ai-system-after-error");

        // The SoA: one control excluded without a justification, a justification typed in another, a note. What is
        // decided is saved as a draft; the open control is marked beside its row, keeping what was chosen.
        await page.GotoAsync(site.Org + "/soa/iso27001-2022");
        var excluded = page.Locator("select[name^='applies:']:has(option[value=yes]:checked)").First;
        var excludedId = (await excluded.GetAttributeAsync("id"))!;
        var row = excludedId["inc-".Length..];
        await excluded.SelectOptionAsync("no");
        await page.Locator($"#just-{row}").FillAsync(string.Empty);
        var other = await page.Locator("input.justification").CountAsync() - 1;
        await page.Locator($"#just-{other}").FillAsync("kept after saving a draft");
        await page.Locator("#soa-note").FillAsync("after the UX review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as new version" }).ClickAsync();

        Assert.Equal(1, await page.Locator($"tr.needs-decision #decide-{row}").CountAsync());
        Assert.Contains("still need", await page.Locator("#error-decisions").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("no", await page.Locator($"#inc-{row}").InputValueAsync());
        Assert.Equal("kept after saving a draft", await page.Locator($"#just-{other}").InputValueAsync());
        Assert.Contains("after the UX review", await page.Locator("dl.facts").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator($"#decide-{row}").ScrollIntoViewIfNeededAsync();
        await BrowserSupport.Shot(page, shot + "-soa-after-error");

        // On a phone nothing is wider than the screen: wide tables scroll inside their card.
        if (width < 500)
        {
            var wider = await page.EvaluateAsync<string>(BrowserSupport.WiderThanTheScreen);
            Assert.True(wider.Length == 0, "the SoA page is wider than the phone: " + wider);
            await page.GotoAsync(site.Org);
            await page.Locator("label.orgnav-toggle").ClickAsync();
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Organization" }).GetByRole(AriaRole.Link, new() { Name = "Risks" }).WaitForAsync();
            await BrowserSupport.Shot(page, shot + "-menu-open");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Organization" }).GetByRole(AriaRole.Link, new() { Name = "Risks" }).ClickAsync();
            await page.Locator("h1").WaitForAsync();
            Assert.EndsWith("/risks", page.Url, StringComparison.Ordinal);
        }
        else
        {
            await page.GotoAsync(site.Org);
            await BrowserSupport.Shot(page, shot + "-dashboard");
        }
    }

    [Fact]
    public async Task An_outcome_typed_into_the_address_is_not_shown()
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(1280, 900);
        await page.GotoAsync(site.Org + "/risks?error=Your+account+is+suspended.+Call+0900-FAKE&saved=payment+details+updated");
        var main = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("suspended", main, StringComparison.Ordinal);
        Assert.DoesNotContain("payment details", main, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Alert).CountAsync());
    }

    [Fact]
    public async Task A_delete_needs_its_confirmation_box_in_the_browser_and_on_the_server()
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(1280, 900);
        var control = $"{site.Org}/controls/{await site.AddControlAsync("C-UX-DEL")}";
        await page.GotoAsync(control);
        var delete = page.GetByRole(AriaRole.Button, new() { Name = "Delete control" });

        // Without the tick the browser does not post; with the browser's check removed the server refuses.
        await delete.ClickAsync();
        Assert.Equal(control, page.Url);
        await page.Locator("#confirm-delete").EvaluateAsync("e => e.removeAttribute('required')");
        await delete.ClickAsync();
        Assert.Contains("nothing was deleted", await page.Locator("label:has(#confirm-delete) + #error-confirm").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.AssertAccessibleAsync(page, "refused delete");

        await page.Locator("#confirm-delete").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete control" }).ClickAsync();
        Assert.Contains("deleted; the audit trail keeps what it was", await page.GetByRole(AriaRole.Status).First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(404, (await page.GotoAsync(control))!.Status);
    }

    [Fact]
    public async Task The_sidebar_reaches_every_page_of_an_organization()
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(1280, 900);
        await page.GotoAsync(site.Org);
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Organization" });
        var hrefs = new List<string>();
        foreach (var link in await nav.GetByRole(AriaRole.Link).AllAsync())
        {
            hrefs.Add((await link.GetAttributeAsync("href"))!);
        }

        var prefix = $"/orgs/{site.OrganizationId}";
        string[] everyListPage =
        [
            "", "/roadmap", "/search", "/gap/iso42001-2023", "/frameworks", "/risks", "/ai-systems", "/soa/iso27001-2022", "/objectives", "/documents", "/questionnaire", "/competence",
            "/suppliers", "/controls", "/evidence", "/work", "/inbox", "/recurring", "/audits", "/nonconformities", "/management-reviews", "/readiness", "/consistency",
            "/certification", "/engagements", "/settings", "/reminders", "/owners", "/audit-trail", "/import", "/webhooks",
        ];
        Assert.Equal(everyListPage.Select(p => prefix + p).Order(StringComparer.Ordinal), hrefs.Order(StringComparer.Ordinal));

        foreach (var href in hrefs)
        {
            var response = await page.GotoAsync(site.BaseUrl + href);
            Assert.Equal(200, response!.Status);
            Assert.Equal("page", await page.GetByRole(AriaRole.Navigation, new() { Name = "Organization" }).Locator($"a[href='{href}']").GetAttributeAsync("aria-current"));
            await BrowserSupport.AssertAccessibleAsync(page, href);
        }

        // The pages below a list page are one click from it.
        foreach (var (from, to) in new[] { ("/soa/iso27001-2022", "/soa/iso42001-2023"), ("/documents", "/documents/coverage"), ("/work", "/work/overdue"), ("/controls", "/controls/new") })
        {
            await page.GotoAsync(site.BaseUrl + prefix + from);
            Assert.True(await page.Locator($"main a[href='{prefix + to}']").CountAsync() > 0, $"{from} links to {to}");
        }

        // The sidebar's search box finds records from any page; the hit opens its record.
        await page.GotoAsync(site.BaseUrl + prefix + "/risks");
        await page.Locator("#orgnav-q").FillAsync("access");
        await page.Locator("#orgnav-q").PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("/search?q=access", StringComparison.Ordinal));
        Assert.True(await page.Locator("ol.search-results li").CountAsync() > 0, await page.ContentAsync());
        await BrowserSupport.AssertAccessibleAsync(page, "search results");
        await page.Locator("ol.search-results li a").First.ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.DoesNotContain("/search", page.Url, StringComparison.Ordinal);

        // A record page carries its breadcrumb back to its list.
        await page.GotoAsync(site.BaseUrl + prefix + "/controls");
        await page.Locator($"main table a[href^='{prefix}/controls/']").First.ClickAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).Locator($"a[href='{prefix}/controls']").CountAsync());
    }
}
