using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// Issue 20, item 5 in a real browser: an Owner invites someone without an account from the settings page and passes
/// the link on; the invitee opens it, creates an account for the invited address (sign-up is closed otherwise), signs
/// in, accepts, and only then is a member. Each page is checked by axe-core and for labelled fields.
/// </summary>
public sealed class InvitationFlowTests
{
    [Fact]
    public async Task Invite_from_settings_sign_up_through_the_link_and_accept()
    {
        var port = BrowserSupport.FreePort();
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" }, kestrelPort: port);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSupport.LaunchAsync(playwright);

        var owner = await browser.NewPageAsync();
        await SignInAsync(owner, host.BaseUrl!, "owner@a.example", "a long enough passphrase");
        await owner.GetByRole(AriaRole.Heading, new() { Name = "Your organizations" }).WaitForAsync();
        await owner.GotoAsync($"{host.BaseUrl}/orgs/{host.OrganizationA}/settings");
        await owner.GetByLabel("E-mail address", new() { Exact = true }).FillAsync("sam@partner.example");
        await owner.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("Auditor");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Invite or change role" }).ClickAsync();
        Assert.Contains("sam@partner.example is invited as Auditor", await owner.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        var link = await owner.Locator("#invitation-link").InnerTextAsync();
        Assert.Contains("/invitations/hi_", link, StringComparison.Ordinal);
        await BrowserSupport.Shot(owner, "50-invitation-issued");
        await owner.GotoAsync($"{host.BaseUrl}/orgs/{host.OrganizationA}/settings");
        Assert.Contains("sam@partner.example", await owner.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(owner, "51-settings-pending-invitation");

        var invitee = await (await browser.NewContextAsync()).NewPageAsync();
        await invitee.GotoAsync(link);
        Assert.Contains("as Auditor", await invitee.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(invitee, "52-invitation-link");
        await invitee.GetByRole(AriaRole.Link, new() { Name = "Create one for sam@partner.example" }).ClickAsync();
        Assert.Equal("sam@partner.example", await invitee.GetByLabel("E-mail address").InputValueAsync());
        await invitee.GetByLabel("Passphrase", new() { Exact = true }).FillAsync("audits are my trade");
        await invitee.GetByLabel("Passphrase again").FillAsync("audits are my trade");
        await BrowserSupport.AssertLabelledAsync(invitee, "main");
        await BrowserSupport.Shot(invitee, "53-invitee-sign-up");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        Assert.StartsWith("Sign-up received.", await invitee.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);

        // Signing in leads back to the invitation.
        await invitee.GetByLabel("E-mail address").FillAsync("sam@partner.example");
        await invitee.GetByLabel("Passphrase").FillAsync("audits are my trade");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Accept" }).WaitForAsync();
        await BrowserSupport.Shot(invitee, "54-invitation-signed-in");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        Assert.Equal("You are now Auditor of Acme Analytics GmbH.", await invitee.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("No pending invitations", await invitee.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(invitee, "55-invitations-answered");

        await invitee.GetByRole(AriaRole.Link, new() { Name = "Your organizations" }).ClickAsync();
        await invitee.GetByRole(AriaRole.Link, new() { Name = "Acme Analytics GmbH" }).ClickAsync();
        await invitee.GetByRole(AriaRole.Heading, new() { Name = "Acme Analytics GmbH" }).WaitForAsync();
    }

    private static async Task SignInAsync(IPage page, string baseUrl, string email, string passphrase)
    {
        await page.GotoAsync(baseUrl + "/signin");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Passphrase").FillAsync(passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
