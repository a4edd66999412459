using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Harmonia.Tests.Infrastructure;

/// <summary>What every browser test needs: Debian's Chromium, screenshots in the test output, labelled forms.</summary>
internal static class BrowserSupport
{
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("HARMONIA_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

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

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "axe-core", "axe.min.js")));

    /// <summary>
    /// Runs axe-core (vendored, MPL-2.0, in tests/Harmonia.Tests/reference/axe-core) against WCAG 2.x A and AA and fails on
    /// any serious or critical violation, naming the rule and the elements. Evaluated through the DevTools protocol, so
    /// the pages' content security policy (no inline script) stays as it is in production.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string where)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var violations = await page.EvaluateAsync<string[]>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        Assert.True(violations.Length == 0, $"axe-core found accessibility violations on {where} ({page.Url}):\n" + string.Join("\n", violations));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
