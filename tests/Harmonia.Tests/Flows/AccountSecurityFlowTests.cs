using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// Issue 20, item 5 in a real browser: an owner issues a reset link from the settings page, the member sets a new
/// passphrase through it, signs in, changes the passphrase again and finds both in "Security activity". Every form
/// of the new pages is checked for labels. Screenshots in screenshots/.
/// </summary>
public sealed class AccountSecurityFlowTests
{
    [Fact]
    public async Task Reset_link_new_passphrase_change_and_security_activity()
    {
        var port = BrowserSupport.FreePort();
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" }, kestrelPort: port);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSupport.LaunchAsync(playwright);

        var owner = await browser.NewPageAsync();
        await SignInAsync(owner, host.BaseUrl!, "owner@a.example", "a long enough passphrase");
        await owner.GotoAsync($"{host.BaseUrl}/orgs/{host.OrganizationA}/settings");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Issue a passphrase reset link for viewer@a.example" }).ClickAsync();
        var link = await owner.Locator("#reset-link").InnerTextAsync();
        Assert.Contains("/reset-passphrase/hr_", link, StringComparison.Ordinal);

        var member = await browser.NewPageAsync();
        await member.GotoAsync(link);
        await BrowserSupport.AssertLabelledAsync(member, "main");
        await member.GetByLabel("New passphrase").FillAsync("a brand new passphrase");
        await BrowserSupport.Shot(member, "40-reset-passphrase");
        await member.GetByRole(AriaRole.Button, new() { Name = "Set passphrase" }).ClickAsync();
        Assert.Contains("Your new passphrase is set", await member.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);

        await SignInAsync(member, host.BaseUrl!, "viewer@a.example", "a brand new passphrase");
        await member.GotoAsync($"{host.BaseUrl}/account/passphrase");
        await BrowserSupport.AssertLabelledAsync(member, "main");
        await member.GetByLabel("Current passphrase").FillAsync("a brand new passphrase");
        await member.GetByLabel("New passphrase").FillAsync("yet another passphrase");
        await member.GetByRole(AriaRole.Button, new() { Name = "Change passphrase" }).ClickAsync();
        Assert.Contains("Your passphrase is changed", await member.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);

        await member.GetByRole(AriaRole.Link, new() { Name = "Security activity" }).ClickAsync();
        await member.GetByRole(AriaRole.Heading, new() { Name = "Security activity" }).WaitForAsync();
        var activity = await member.Locator("main").InnerTextAsync();
        Assert.Contains("passphrase-reset", activity, StringComparison.Ordinal);
        Assert.Contains("passphrase-changed", activity, StringComparison.Ordinal);
        await BrowserSupport.Shot(member, "41-security-activity");
    }

    private static async Task SignInAsync(IPage page, string baseUrl, string email, string passphrase)
    {
        await page.GotoAsync(baseUrl + "/signin");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Passphrase").FillAsync(passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your organizations" }).WaitForAsync();
    }
}
