using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Harmonia.Tests.Infrastructure;

/// <summary>What every browser test needs: Debian's Chromium, screenshots in the test output, labelled forms.</summary>
internal static class BrowserSupport
{
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>The WCAG levels every page must meet: 2.0 and 2.1, A and AA.</summary>
    public const string WcagTags = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

    /// <summary>Debian's Chromium, wrapped so that every page it loads is checked by axe-core (<see cref="CheckedBrowser"/>).</summary>
    public static async Task<CheckedBrowser> LaunchAsync(IPlaywright playwright) => new(await playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("HARMONIA_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    }));

    /// <summary>Every visible form field in <paramref name="scope"/> has exactly one label a screen reader announces.</summary>
    public static async Task AssertLabelledAsync(IPage page, string scope = "")
    {
        foreach (var input in await page.Locator($"{scope} input:not([type=hidden]), {scope} select, {scope} textarea".Trim()).AllAsync())
        {
            var id = await input.GetAttributeAsync("id");
            Assert.False(string.IsNullOrEmpty(id), "a form field without an id cannot have a label");
            Assert.Equal(1, await page.Locator($"label[for='{id}']").CountAsync());
        }
    }

    /// <summary>Every page a flow photographs is also checked by axe-core first.</summary>
    public static async Task<byte[]> Shot(IPage page, string name)
    {
        await AssertAccessibleAsync(page, name);
        Directory.CreateDirectory(Screenshots);
        return await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    public static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "axe-core", "axe.min.js")));

    /// <summary>
    /// Runs axe-core (vendored, MPL-2.0, in tests/Harmonia.Tests/reference/axe-core) against WCAG 2.x A and AA on the page
    /// as it is now and fails on any violation, whatever its impact, naming the rule and the elements; then fails on any
    /// violation the checks at page load reported for the pages visited before. Evaluated through the DevTools protocol,
    /// so the pages' content security policy (no inline script) stays as it is in production.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string where)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var violations = await page.EvaluateAsync<string[]>($$"""
            async () => {
              const run = (window.__harmoniaAxeRun || Promise.resolve()).catch(() => {})
                .then(() => axe.run(document, { runOnly: { type: 'tag', values: {{WcagTags}} } }));
              window.__harmoniaAxeRun = run.catch(() => {});
              const result = await run;
              return result.violations
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        Assert.True(violations.Length == 0, $"axe-core found accessibility violations on {where} ({page.Url}):\n" + string.Join("\n", violations));
        CheckedBrowser.AssertNoViolations(page);
    }

    /// <summary>
    /// Chooses a record in a picker as a person does: narrows the list with the filter box (by default to the part of the
    /// value after the framework prefix), then ticks the record, which the filter must have left in view.
    /// </summary>
    public static async Task PickAsync(IPage page, string pickerId, string value, string? filter = null)
    {
        var picker = page.Locator($"#{pickerId}");
        var box = picker.Locator($"input[type=checkbox][value='{value}']");
        await picker.Locator(".picker-filter").FillAsync(filter ?? value[(value.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        Assert.True(await box.IsVisibleAsync(), $"the filter of {pickerId} hid {value}");
        await box.CheckAsync();
        await picker.Locator(".picker-filter").FillAsync(string.Empty);
    }

    /// <summary>Elements that reach past the right edge without a scrolling box of their own that fits; empty when none.</summary>
    public const string WiderThanTheScreen = """
        () => document.documentElement.scrollWidth <= window.innerWidth + 1 ? ''
          : [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .filter(e => { for (let p = e.parentElement; p; p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= window.innerWidth + 1 && getComputedStyle(e).position === 'static') return false; } return true; })
              .slice(0, 5).map(e => e.tagName + '.' + e.className + ' "' + (e.textContent || '').trim().slice(0, 60) + '"').join(', ') || 'the page scrolls sideways'
        """;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
