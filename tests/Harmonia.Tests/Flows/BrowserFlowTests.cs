using System.Net;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// The product as a person uses it, in Debian's Chromium driven by Playwright against the real app on Kestrel:
/// first-run setup, import the acme sample, watch the gap figure change, find the change in the audit trail,
/// turn on two-factor sign-in, make and revoke a token, sign out and in again with a recovery code. Screenshots of each page land in the test output folder (screenshots/).
/// </summary>
public sealed class BrowserFlowTests
{
    [Fact]
    public async Task Setup_import_gap_audit_trail_and_sign_in_again()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        var port = BrowserSupport.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:Harmonia", database.Settings.ConnectionString)
            .UseSetting("Urls", baseUrl)
            .UseEnvironment("Production"));
        factory.UseKestrel(port);
        factory.StartServer();
        var setupLink = factory.Services.GetRequiredService<SetupGate>().PendingLink;
        Assert.NotNull(setupLink);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSupport.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });

        // First run: the one-time link creates the first account and organization.
        await page.GotoAsync(setupLink);
        await BrowserSupport.AssertLabelledAsync(page);
        await BrowserSupport.Shot(page, "01-setup");
        await page.GetByLabel("E-mail address").FillAsync("owner@acme.example");
        await page.GetByLabel("Passphrase").FillAsync("quarterly access reviews");
        await page.GetByLabel("Organization name").FillAsync("Acme Analytics GmbH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account and organization" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).WaitForAsync();
        var dashboard = page.Url;
        Assert.Matches("/orgs/[0-9a-f-]{36}$", dashboard);
        Assert.Contains("0 %", await page.Locator(".cards").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "02-dashboard-empty");

        // The link works once.
        var reuse = await browser.NewPageAsync();
        await reuse.GotoAsync(setupLink);
        Assert.Equal("Setup is closed", await reuse.Locator("h1").InnerTextAsync());

        // Import the acme sample through the page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Import / export" }).ClickAsync();
        await page.GetByLabel("Organization file").SetInputFilesAsync(Path.Combine(RepositoryPaths.Examples, "acme-iso27001-certified.yaml"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        Assert.StartsWith("Imported:", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "03-import");

        // The gap figure changed.
        await page.GotoAsync(dashboard);
        var cards = await page.Locator(".cards").InnerTextAsync();
        Assert.Contains("100 %", cards, StringComparison.Ordinal);
        Assert.Contains("41 %", cards, StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "04-dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Gap analysis" }).ClickAsync();
        Assert.Contains("50.0", await page.Locator(".cards").InnerTextAsync() + await page.Locator("svg").First.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "05-gap");
        await page.GetByLabel("Group").SelectOptionAsync("A.5");
        await page.GetByLabel("Result").SelectOptionAsync("open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        Assert.Equal(4, await page.Locator("table.grid tbody tr").CountAsync());
        await BrowserSupport.Shot(page, "06-gap-filtered");

        await page.GetByRole(AriaRole.Link, new() { Name = "Controls" }).ClickAsync();
        Assert.Equal(43, await page.Locator("table.grid tbody tr").CountAsync());
        await BrowserSupport.Shot(page, "07-controls");

        // The import is in the audit trail, with the person who did it, and the chain holds.
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        Assert.StartsWith("Hash chain intact", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("user:owner@acme.example", await page.Locator("table.grid").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "08-audit-trail");

        // Two-factor sign-in with an authenticator app (the test computes the app's code from the shown key).
        await page.GetByRole(AriaRole.Link, new() { Name = "owner@acme.example" }).ClickAsync();
        var key = await page.Locator("#authenticator-key").InnerTextAsync();
        await BrowserSupport.Shot(page, "09-two-factor");
        await page.GetByLabel("Code from the app").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        var recoveryCodes = await page.Locator("#recovery-codes code").AllInnerTextsAsync();
        Assert.Equal(10, recoveryCodes.Count);

        // Settings: a personal access token made in the browser works on the API until it is revoked there.
        await page.GotoAsync(dashboard);
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await page.GetByLabel("What it is for").FillAsync("browser test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var token = await page.Locator("#new-token").InnerTextAsync();
        await BrowserSupport.Shot(page, "10-settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the settings" }).ClickAsync();
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var organizationId = dashboard[(dashboard.LastIndexOf('/') + 1)..];
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri($"/api/orgs/{organizationId}/controls", UriKind.Relative))).StatusCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke token browser test" }).ClickAsync();
        Assert.Equal("Token revoked.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri($"/api/orgs/{organizationId}/controls", UriKind.Relative))).StatusCode);

        // Sign out; a wrong passphrase gets one generic message; the right one gets back in.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync(baseUrl + "/orgs");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await BrowserSupport.AssertLabelledAsync(page);
        await page.GetByLabel("E-mail address").FillAsync("owner@acme.example");
        await page.GetByLabel("Passphrase").FillAsync("wrong passphrase entirely");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.StartsWith("Sign-in failed.", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "11-signin-failed");
        await page.GetByLabel("E-mail address").FillAsync("owner@acme.example");
        await page.GetByLabel("Passphrase").FillAsync("quarterly access reviews");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Enter your code" }).WaitForAsync();
        Assert.EndsWith("/signin/two-factor", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Code").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.StartsWith("Sign-in failed.", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Code").FillAsync(recoveryCodes[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your organizations" }).WaitForAsync();
        Assert.Contains("Acme Analytics GmbH", await page.Locator("table.grid").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "12-organizations");

        // A second organization, created in the browser, starts empty and apart from the first.
        await page.GetByLabel("Name").FillAsync("Acme Labs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create organization" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Acme Labs" }).WaitForAsync();
        Assert.NotEqual(dashboard, page.Url);
        Assert.Contains("No controls yet", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The catalogs and the crosswalk side by side.
        await page.GetByRole(AriaRole.Link, new() { Name = "Catalogs" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search" }).FillAsync("impact assessment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.Contains("AI system impact assessment", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "13-catalog");
        await page.GetByRole(AriaRole.Link, new() { Name = "Crosswalk 27001 → 42001" }).ClickAsync();
        Assert.True(await page.Locator("table.grid tbody tr").CountAsync() > 70);
        await BrowserSupport.Shot(page, "14-crosswalk");

        // Another tenant's id is simply not found.
        var response = await page.GotoAsync($"{baseUrl}/orgs/{Guid.NewGuid()}/gap/iso42001-2023");
        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
    }
}
