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

    public static Task<byte[]> Shot(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        return page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
