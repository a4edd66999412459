using System.Text.Json;
using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// Issue 19 item 11: one whole journey with the keyboard alone, in a real browser. Every element the Tab key reaches on
/// the way must show where the focus is; every page is checked by axe-core as it loads.
/// </summary>
public sealed class KeyboardJourneyTests
{
    private const int MaxTabs = 250;

    [Fact]
    public async Task Sign_in_open_the_risk_register_add_a_risk_with_its_control_and_find_it_again_with_the_keyboard_alone()
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        await site.AddControlAsync("C-KEY-1");
        var page = await site.NewPageAsync(1280, 900);

        await page.GotoAsync(site.BaseUrl + "/signin");
        await TabToAsync(page, "#email");
        await page.Keyboard.TypeAsync("maria@acme.example");
        await TabToAsync(page, "#password");
        await page.Keyboard.TypeAsync("forms that keep what I typed");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your organizations" }).WaitForAsync();

        await TabToAsync(page, $"main a[href='/orgs/{site.OrganizationId}']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(site.Org);
        await TabToAsync(page, $"nav.orgnav a[href='/orgs/{site.OrganizationId}/risks']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(site.Org + "/risks");

        await TabToAsync(page, "#risk-key");
        await page.Keyboard.TypeAsync("R-KEY-1");
        await TabToAsync(page, "#risk-title");
        await page.Keyboard.TypeAsync("Backup tapes leave the building unencrypted");
        await TabToAsync(page, "input[name=categories][value=confidentiality]");
        await page.Keyboard.PressAsync("Space");
        foreach (var (select, choice) in new[] { ("#risk-il", "3"), ("#risk-ii", "4"), ("#risk-rl", "1"), ("#risk-ri", "3") })
        {
            await TabToAsync(page, select);
            await page.Keyboard.TypeAsync(choice);
            Assert.Equal(choice, await page.Locator(select).InputValueAsync());
        }

        await TabToAsync(page, "#risk-treatment");
        await page.Keyboard.TypeAsync("m");
        Assert.Equal("mitigate", await page.Locator("#risk-treatment").InputValueAsync());

        // The control picker: type into its filter, Tab lands on the one box left in view, Space ticks it.
        await TabToAsync(page, "#risk-controls-filter");
        await page.Keyboard.TypeAsync("C-KEY-1");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("C-KEY-1", await page.EvaluateAsync<string>("() => document.activeElement.value"));
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("#risk-controls input[value='C-KEY-1']").IsCheckedAsync());
        Assert.Contains("1 chosen", await page.Locator("#risk-controls .picker-count").InnerTextAsync(), StringComparison.Ordinal);

        await TabToAsync(page, "#risk-owner");
        await page.Keyboard.TypeAsync("Head of IT");
        await TabToAsync(page, "form[action$='/risks/add'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Cell, new() { Name = "R-KEY-1", Exact = true }).WaitForAsync();

        // Find it again from the sidebar's search box and open it.
        await page.GotoAsync(site.Org);
        await TabToAsync(page, "#orgnav-q");
        await page.Keyboard.TypeAsync("R-KEY-1");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/search?q=", StringComparison.Ordinal));
        await TabToAsync(page, "main a[href*='key=R-KEY-1']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/risks?key=R-KEY-1", StringComparison.Ordinal));
        Assert.Contains("Backup tapes leave the building unencrypted", await page.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("C-KEY-1", await page.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "keyboard-journey-found");
    }

    /// <summary>
    /// Presses Tab until the focus is on <paramref name="selector"/>, failing when it never gets there or when any element
    /// on the way shows no focus indicator (an outline or a shadow of its own).
    /// </summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var path = new List<string>();
        for (var presses = 0; presses < MaxTabs; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<JsonElement>(
                """
                (selector) => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return { at: false, name: 'body', visible: true };
                  const s = getComputedStyle(e);
                  const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
                  const name = `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.getAttribute('name') ? '[' + e.getAttribute('name') + ']' : ''} "${(e.innerText || e.value || '').trim().slice(0, 30)}"`;
                  return { at: e.matches(selector), name, visible };
                }
                """,
                selector);
            var name = focus.GetProperty("name").GetString()!;
            path.Add(name);
            Assert.True(focus.GetProperty("visible").GetBoolean(), $"{name} takes the focus without showing it (on the way to {selector})");
            if (focus.GetProperty("at").GetBoolean())
            {
                return;
            }
        }

        Assert.Fail($"{selector} was not reached with {MaxTabs} presses of Tab; the focus went through: {string.Join(" → ", path.TakeLast(40))}");
    }
}
