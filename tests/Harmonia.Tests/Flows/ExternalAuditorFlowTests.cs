using System.Globalization;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Harmonia.Tests.Security.Asvs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// Issue 18 item 5 in a real browser: the Owner opens an engagement and invites an external auditor, who signs up
/// through the link, requests three pieces of evidence, draws a sample and raises a minor nonconformity; the
/// organization answers the requests; the day after the last day of access the auditor's account opens nothing, and
/// closing the engagement turns the finding into the organization's nonconformity. Time moves with a TimeProvider.
/// Every page visited is checked by axe-core (screenshots auditor-01..auditor-08).
/// </summary>
public sealed class ExternalAuditorFlowTests
{
    private const string Email = "ines.audit@body.example";
    private const string AuditorPassphrase = "sampling is my trade";

    private static string Day(DateTimeOffset date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_external_auditor_completes_an_engagement_and_access_ends_on_the_end_date()
    {
        var clock = new MovableClock();
        var port = BrowserSupport.FreePort();
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" }, port, s => s.AddSingleton<TimeProvider>(clock));
        await host.NewEvidenceAsync(host.OrganizationA, await host.NewControlAsync(host.OrganizationA));
        // A population to sample from: the host's organization starts without risks.
        for (var n = 0; n < 5; n++)
        {
            await host.NewRiskAsync(host.OrganizationA);
        }
        var org = $"{host.BaseUrl}/orgs/{host.OrganizationA}";
        var today = clock.GetUtcNow();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSupport.LaunchAsync(playwright);

        // The Owner opens the engagement and gets the invitation link.
        var owner = await browser.NewPageAsync();
        await SignInAsync(owner, host.BaseUrl!, "owner@a.example", "a long enough passphrase");
        await owner.GotoAsync(org + "/engagements");
        await BrowserSupport.Shot(owner, "auditor-01-engagements");
        await owner.GetByLabel("Engagement", new() { Exact = true }).FillAsync("Stage 2 audit 2027");
        await owner.GetByLabel("Auditor's e-mail address").FillAsync(Email);
        await owner.GetByLabel("Records from").FillAsync("2026-01-01");
        await owner.GetByLabel("Records to").FillAsync("2026-11-30");
        await owner.GetByLabel("Access from").FillAsync(Day(today));
        await owner.GetByLabel("Access until (last day)").FillAsync(Day(today.AddDays(10)));
        await BrowserSupport.AssertLabelledAsync(owner, "main");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Open the engagement and invite" }).ClickAsync();
        await owner.Locator("#invitation-link, p.error, h1").First.WaitForAsync();
        Assert.True(await owner.Locator("#invitation-link").CountAsync() == 1, await owner.Locator("body").InnerTextAsync());
        var link = await owner.Locator("#invitation-link").InnerTextAsync();
        await BrowserSupport.Shot(owner, "auditor-02-invitation");
        await owner.GotoAsync(org + "/engagements");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Stage 2 audit 2027" }).ClickAsync();
        await owner.GetByRole(AriaRole.Heading, new() { Name = "Scope" }).WaitForAsync();
        var engagementUrl = owner.Url.Split('?')[0];
        var workspaceUrl = engagementUrl + "/workspace";

        // The auditor creates the account for the invited address, signs in and accepts.
        var auditor = await (await browser.NewContextAsync(new() { AcceptDownloads = true })).NewPageAsync();
        await auditor.GotoAsync(link);
        await auditor.GetByRole(AriaRole.Link, new() { Name = $"Create one for {Email}" }).ClickAsync();
        await auditor.GetByLabel("Passphrase", new() { Exact = true }).FillAsync(AuditorPassphrase);
        await auditor.GetByLabel("Passphrase again").FillAsync(AuditorPassphrase);
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await auditor.GetByLabel("E-mail address").FillAsync(Email);
        await auditor.GetByLabel("Passphrase").FillAsync(AuditorPassphrase);
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

        // Accepting leads straight into the workspace, the one place the role opens.
        await auditor.GetByRole(AriaRole.Status).Filter(new() { HasText = "Welcome to the audit workspace" }).WaitForAsync();
        Assert.Equal(workspaceUrl, auditor.Url.Split('?')[0]);

        // Nothing of the organization opens but the workspace.
        var controls = await auditor.GotoAsync(org + "/controls");
        Assert.True(controls!.Url.Contains("/forbidden", StringComparison.Ordinal) || controls.Status == 404, controls.Url);
        await auditor.GotoAsync(workspaceUrl);
        await auditor.GetByRole(AriaRole.Heading, new() { Name = "Evidence requests" }).WaitForAsync();
        Assert.Equal(0, await auditor.Locator("nav a[href$='/controls']").CountAsync());
        await BrowserSupport.Shot(auditor, "auditor-03-workspace");

        foreach (var what in new[] { "Minutes of the last access review", "The supplier register with review dates", "The AI impact assessment of the credit model" })
        {
            await auditor.GetByLabel("What you need to see").FillAsync(what);
            await auditor.GetByLabel("Due on").FillAsync(Day(today.AddDays(5)));
            await auditor.GetByLabel("Member who answers (e-mail address)").FillAsync("contributor@a.example");
            await auditor.GetByRole(AriaRole.Button, new() { Name = "Request the evidence" }).ClickAsync();
            await auditor.GetByRole(AriaRole.Status).Filter(new() { HasText = "Evidence requested" }).WaitForAsync();
        }

        await auditor.GetByLabel("Population").SelectOptionAsync("risks");
        await auditor.GetByLabel("Sample size").FillAsync("2");
        await auditor.GetByLabel("Seed").FillAsync("2027");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        Assert.Contains("drawn with seed 2027", await auditor.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);

        await auditor.GetByLabel("Grade").SelectOptionAsync("minor");
        await auditor.GetByLabel("Finding", new() { Exact = true }).FillAsync("The March access review was signed three weeks late.");
        await BrowserSupport.PickAsync(auditor, "f-reqs", "iso27001-2022:A.5.18");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Raise the finding" }).ClickAsync();
        await auditor.GetByRole(AriaRole.Status).Filter(new() { HasText = "Finding recorded" }).WaitForAsync();
        Assert.Contains("Minor nonconformity", await auditor.Locator("#findings").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(auditor, "auditor-04-requests-sample-finding");

        // The organization answers the three requests.
        await owner.GotoAsync(engagementUrl);
        for (var n = 1; n <= 3; n++)
        {
            await owner.Locator($"#note-{n}").FillAsync("Attached as requested.");
            await owner.GetByRole(AriaRole.Button, new() { Name = $"Answer request {n}" }).ClickAsync();
            await owner.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Request {n} answered" }).WaitForAsync();
        }

        await BrowserSupport.Shot(owner, "auditor-05-answered");

        await auditor.GotoAsync(workspaceUrl);
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Accept answer 1" }).ClickAsync();
        await auditor.GetByRole(AriaRole.Status).Filter(new() { HasText = "Answer accepted" }).WaitForAsync();
        var download = await auditor.RunAndWaitForDownloadAsync(() => auditor.GetByRole(AriaRole.Link, new() { Name = "Download the signed audit pack" }).ClickAsync());
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        await BrowserSupport.Shot(auditor, "auditor-06-accepted");

        // The day after the last day: even freshly signed in, the auditor's account opens nothing.
        clock.Advance(TimeSpan.FromDays(11));
        await SignInAsync(auditor, host.BaseUrl!, Email, AuditorPassphrase);
        var after = await auditor.GotoAsync(workspaceUrl);
        Assert.Equal(404, after!.Status);
        await BrowserSupport.Shot(auditor, "auditor-07-access-ended");

        // The Owner closes the engagement: the finding becomes the organization's nonconformity.
        var ownerLater = await (await browser.NewContextAsync()).NewPageAsync();
        await SignInAsync(ownerLater, host.BaseUrl!, "owner@a.example", "a long enough passphrase");
        await ownerLater.GotoAsync(engagementUrl);
        Assert.Contains("ended", await ownerLater.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await ownerLater.GetByRole(AriaRole.Button, new() { Name = "Close the engagement" }).ClickAsync();
        Assert.Contains("1 finding(s) recorded as nonconformities", await ownerLater.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(ownerLater, "auditor-08-closed");
        await ownerLater.GotoAsync(org + "/nonconformities");
        Assert.Contains("The March access review was signed three weeks late.", await ownerLater.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task SignInAsync(IPage page, string baseUrl, string email, string passphrase)
    {
        await page.GotoAsync(baseUrl + "/signin");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Passphrase").FillAsync(passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/signin", StringComparison.Ordinal));
    }
}
