using System.Net;
using System.Text.RegularExpressions;
using Harmonia.App.Persistence;
using Harmonia.Tests.Accounts;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// ADR 0023 on the certification page (certificate and body-finding forms), the external audits (the invitation, and
/// the auditor's evidence request, sample and finding) and the settings page (top management, members after an old
/// sign-in, personal access tokens), on a desk and on a phone: one deliberate mistake in each form
/// comes back with the message beside its field, a summary linking to it, every value typed (never a passphrase) and
/// nothing typed in the address; axe-core checks every page. The settings forms run with a re-authentication window of
/// zero minutes, so every member change and token asks for the passphrase again. A last test reads the stored flashes
/// themselves: no passphrase and no token secret is ever kept in them.
/// </summary>
public sealed class SettingsAndCertificationFormsTests
{
    private const string Passphrase = "a long enough passphrase";
    private const string WrongPassphrase = "certainly not my passphrase";
    private const string AuditorEmail = "ines.audit@body.example";
    private const string AuditorPassphrase = "sampling is my trade";

    // With a window of zero minutes every sign-in counts as old: the member and token forms ask for the passphrase.
    private static readonly Dictionary<string, string> AlwaysAsk = new() { ["Accounts:ReauthenticateAfterMinutes"] = "0" };

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task The_certificate_and_body_finding_forms_keep_what_was_typed(int width, int height)
    {
        await using var site = await Site.StartAsync(width, height);
        var page = site.Page;
        var certification = $"{site.Org}/certification";

        // A certificate that expires before it was issued.
        await page.GotoAsync(certification);
        await page.Locator("#cert-framework").SelectOptionAsync("iso42001-2023");
        await page.Locator("#cert-number").FillAsync("NZ-KEEP-42");
        await page.Locator("#cert-body").FillAsync("Nordlicht Zertifizierung GmbH");
        await page.Locator("#cert-scope").FillAsync("AI management system of the RiskLens platform");
        await page.Locator("#cert-issued").FillAsync("2026-06-14");
        await page.Locator("#cert-expires").FillAsync("2026-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the certificate" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#cert-expires", "error-expiresOn", "after the issue date", "certificate form",
            "NZ-KEEP-42", "Nordlicht", "RiskLens", "2026-06-14", "2026-01-01");
        Assert.Equal("true", await page.Locator("#cert-expires").GetAttributeAsync("aria-invalid"));
        Assert.Null(await page.Locator("#cert-number").GetAttributeAsync("aria-invalid"));
        Assert.Equal("iso42001-2023", await page.Locator("#cert-framework").InputValueAsync());
        Assert.Equal("NZ-KEEP-42", await page.Locator("#cert-number").InputValueAsync());
        Assert.Equal("Nordlicht Zertifizierung GmbH", await page.Locator("#cert-body").InputValueAsync());
        Assert.Equal("AI management system of the RiskLens platform", await page.Locator("#cert-scope").InputValueAsync());
        Assert.Equal("2026-06-14", await page.Locator("#cert-issued").InputValueAsync());
        Assert.Equal("2026-01-01", await page.Locator("#cert-expires").InputValueAsync());

        // The other forms of the page stay as they were: the body form shares no value with the refused one.
        Assert.Equal(string.Empty, await page.Locator("#body-name").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#body-note").InputValueAsync());

        // Corrected, the certificate is recorded and gets its form for the body's findings.
        await page.Locator("#cert-expires").FillAsync("2029-06-13");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the certificate" }).ClickAsync();
        var findingForm = page.Locator("form[aria-label='Record a finding on certificate NZ-KEEP-42']");
        await findingForm.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Contains("Certificate NZ-KEEP-42 recorded", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, await page.Locator("#cert-number").InputValueAsync());
        var form = (await findingForm.GetAttributeAsync("id"))!;

        // A finding whose response is due after the closing deadline.
        await page.Locator($"details:has(#{form}) > summary").ClickAsync();
        await page.Locator($"#{form}-audit").SelectOptionAsync("surveillance-1");
        await page.Locator($"#{form}-grade").SelectOptionAsync("major");
        await page.Locator($"#{form}-text").FillAsync("Impact assessments of two AI systems were never reviewed.");
        await BrowserSupport.PickAsync(page, $"{form}-reqs", "iso42001-2023:A.5.4");
        await page.Locator($"#{form}-ref").FillAsync("NZ-F-7");
        await page.Locator($"#{form}-respond").FillAsync("2027-09-01");
        await page.Locator($"#{form}-close").FillAsync("2027-07-01");
        await findingForm.GetByRole(AriaRole.Button, new() { Name = "Record as nonconformity" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, $"#{form}-respond", "error-respondBy", "before the closing deadline", "body finding form",
            "never reviewed", "NZ-F-7", "A.5.4", "2027-09-01", "2027-07-01", form);
        Assert.True(await page.Locator($"#{form}-text").IsVisibleAsync(), "the refused finding form is folded away");
        Assert.Equal("true", await page.Locator($"#{form}-respond").GetAttributeAsync("aria-invalid"));
        Assert.Equal("surveillance-1", await page.Locator($"#{form}-audit").InputValueAsync());
        Assert.Equal("major", await page.Locator($"#{form}-grade").InputValueAsync());
        Assert.Equal("Impact assessments of two AI systems were never reviewed.", await page.Locator($"#{form}-text").InputValueAsync());
        Assert.True(await page.Locator($"#{form}-reqs input[value='iso42001-2023:A.5.4']").IsCheckedAsync());
        Assert.Equal("NZ-F-7", await page.Locator($"#{form}-ref").InputValueAsync());
        Assert.Equal("2027-09-01", await page.Locator($"#{form}-respond").InputValueAsync());
        Assert.Equal("2027-07-01", await page.Locator($"#{form}-close").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#cert-number").InputValueAsync());

        // Without a requirement the message stands beside the picker, which keeps no tick it was not given.
        await page.Locator($"#{form}-reqs input[value='iso42001-2023:A.5.4']").UncheckAsync();
        await page.Locator($"#{form}-respond").FillAsync("2027-06-01");
        await findingForm.GetByRole(AriaRole.Button, new() { Name = "Record as nonconformity" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, $"#{form}-reqs", "error-requirementIds", "at least one requirement", "body finding form without a requirement",
            "never reviewed", "NZ-F-7");
        Assert.Equal(0, await page.Locator($"#{form}-reqs input[type=checkbox]:checked").CountAsync());
        Assert.Equal("2027-06-01", await page.Locator($"#{form}-respond").InputValueAsync());

        // Corrected, it is recorded as a nonconformity of the surveillance audit.
        await BrowserSupport.PickAsync(page, $"{form}-reqs", "iso42001-2023:A.5.4");
        await findingForm.GetByRole(AriaRole.Button, new() { Name = "Record as nonconformity" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Contains("recorded as a nonconformity", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Surveillance audit 1", await page.Locator("#certificates").InnerTextAsync(), StringComparison.Ordinal);

        // A crafted address fills nothing in: the form is filled from the server's flash only.
        await page.GotoAsync($"{certification}?form=certificate&typed.number=FORGED-1&error=Your+certificate+was+withdrawn");
        Assert.Equal(string.Empty, await page.Locator("#cert-number").InputValueAsync());
        Assert.DoesNotContain("withdrawn", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Top_management_members_and_tokens_keep_what_was_typed_and_never_a_passphrase(int width, int height)
    {
        await using var site = await Site.StartAsync(width, height, AlwaysAsk);
        var page = site.Page;
        var settings = $"{site.Org}/settings";

        // Top management: a member account that is no member of the organization.
        await page.GotoAsync(settings);
        await page.Locator("#tm-name").FillAsync("Olivia Stone");
        await page.Locator("#tm-position").FillAsync("Chief Executive Officer");
        await page.Locator("#tm-email").FillAsync("stranger@else.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Name as top management" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#tm-email", "error-memberEmail", "is not a member of this organization", "top-management form",
            "Olivia", "Chief Executive", "stranger");
        Assert.Equal("Olivia Stone", await page.Locator("#tm-name").InputValueAsync());
        Assert.Equal("Chief Executive Officer", await page.Locator("#tm-position").InputValueAsync());
        Assert.Equal("stranger@else.example", await page.Locator("#tm-email").InputValueAsync());
        Assert.Equal("true", await page.Locator("#tm-email").GetAttributeAsync("aria-invalid"));
        // The token form shares the field "name": it stays empty.
        Assert.Equal(string.Empty, await page.Locator("#token-name").InputValueAsync());

        // A role change after an old sign-in, confirmed with a wrong passphrase: nothing changes, the change waits in
        // the form (on the server, not in the address) and only the passphrase is asked for again.
        await page.Locator("#member-email").FillAsync("viewer@a.example");
        await page.Locator("#member-role").SelectOptionAsync("Auditor");
        await page.Locator("#member-passphrase").FillAsync(WrongPassphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite or change role" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#member-passphrase", "error-passphrase", "not the passphrase you sign in with", "member form after an old sign-in",
            "viewer", "Auditor", WrongPassphrase);
        Assert.Equal("viewer@a.example", await page.Locator("#member-email").InputValueAsync());
        Assert.Equal("Auditor", await page.Locator("#member-role").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#member-passphrase").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#tm-name").InputValueAsync());
        Assert.DoesNotContain(WrongPassphrase, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Viewer", await page.Locator("table.grid tr:has-text('viewer@a.example')").First.InnerTextAsync(), StringComparison.Ordinal);

        // With the passphrase the kept change goes through.
        await page.Locator("#member-passphrase").FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite or change role" }).ClickAsync();
        Assert.Contains("@a.example is now Auditor", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Auditor", await page.Locator("table.grid tr:has-text('viewer@a.example')").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("viewer", Uri.UnescapeDataString(page.Url), StringComparison.Ordinal);

        // A token asked for with a wrong passphrase, then with a name of blanks.
        await page.Locator("#token-name").FillAsync("Nightly export to the data warehouse");
        await page.Locator("#token-days").FillAsync("30");
        await page.Locator("#token-passphrase").FillAsync(WrongPassphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#token-passphrase", "error-passphrase", "not the passphrase you sign in with", "token form after an old sign-in",
            "Nightly export", WrongPassphrase);
        Assert.Equal("Nightly export to the data warehouse", await page.Locator("#token-name").InputValueAsync());
        Assert.Equal("30", await page.Locator("#token-days").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#token-passphrase").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#member-email").InputValueAsync());

        await page.Locator("#token-name").FillAsync("   ");
        await page.Locator("#token-days").FillAsync("45");
        await page.Locator("#token-passphrase").FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#token-name", "error-name", "Say what the token is for", "token form", Passphrase);
        Assert.Equal("45", await page.Locator("#token-days").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#token-passphrase").InputValueAsync());
        Assert.Equal(0, await page.Locator("#error-passphrase").CountAsync());

        // Accepted, the secret is shown once in the answer to the post: never in the address, never on the page after.
        await page.Locator("#token-name").FillAsync("Nightly export to the data warehouse");
        await page.Locator("#token-passphrase").FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secret = (await page.Locator("#new-token").InnerTextAsync()).Trim();
        Assert.StartsWith("hm_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, Uri.UnescapeDataString(page.Url), StringComparison.Ordinal);
        Assert.DoesNotContain("Nightly", Uri.UnescapeDataString(page.Url), StringComparison.Ordinal);
        await BrowserSupport.AssertAccessibleAsync(page, "the new token");
        await page.GotoAsync(settings);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Nightly export to the data warehouse", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task The_external_audit_invitation_and_the_auditors_workspace_keep_what_was_typed(int width, int height)
    {
        await using var site = await Site.StartAsync(width, height, AlwaysAsk);
        var page = site.Page;
        var today = DateTime.UtcNow;
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // The invitation after an old sign-in, with a wrong passphrase: nothing is opened, the rest waits in the form.
        await page.GotoAsync($"{site.Org}/engagements");
        await page.Locator("#e-title").FillAsync("Stage 2 audit of the ISMS");
        await page.Locator("#e-email").FillAsync(AuditorEmail);
        await page.Locator("#e-std-iso42001-2023").UncheckAsync();
        await BrowserSupport.PickAsync(page, "e-reqs", "iso27001-2022:A.5.18");
        await page.Locator("#e-pfrom").FillAsync("2026-01-01");
        await page.Locator("#e-pto").FillAsync("2026-11-30");
        await page.Locator("#e-start").FillAsync(Day(0));
        await page.Locator("#e-end").FillAsync(Day(10));
        await page.Locator("#e-passphrase").FillAsync(WrongPassphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the engagement and invite" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#e-passphrase", "error-passphrase", "not the passphrase you sign in with", "invitation after an old sign-in",
            "Stage 2", "ines", "A.5.18", "2026-11-30", WrongPassphrase);
        Assert.Equal(string.Empty, await page.Locator("#e-passphrase").InputValueAsync());
        Assert.DoesNotContain(WrongPassphrase, await page.ContentAsync(), StringComparison.Ordinal);

        // With the passphrase, the access that ends before it starts is refused beside its field.
        await page.Locator("#e-start").FillAsync(Day(10));
        await page.Locator("#e-end").FillAsync(Day(0));
        await page.Locator("#e-passphrase").FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the engagement and invite" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#e-start", "error-startsOn", "the first not after the last", "invitation", "Stage 2", "ines", Day(10));
        Assert.Equal("Stage 2 audit of the ISMS", await page.Locator("#e-title").InputValueAsync());
        Assert.Equal(AuditorEmail, await page.Locator("#e-email").InputValueAsync());
        Assert.True(await page.Locator("#e-std-iso27001-2022").IsCheckedAsync());
        Assert.False(await page.Locator("#e-std-iso42001-2023").IsCheckedAsync());
        Assert.True(await page.Locator("#e-reqs input[value='iso27001-2022:A.5.18']").IsCheckedAsync());
        Assert.Equal("2026-01-01", await page.Locator("#e-pfrom").InputValueAsync());
        Assert.Equal("2026-11-30", await page.Locator("#e-pto").InputValueAsync());
        Assert.Equal(Day(10), await page.Locator("#e-start").InputValueAsync());
        Assert.Equal(Day(0), await page.Locator("#e-end").InputValueAsync());

        await page.Locator("#e-start").FillAsync(Day(0));
        await page.Locator("#e-end").FillAsync(Day(10));
        await page.Locator("#e-passphrase").FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the engagement and invite" }).ClickAsync();
        var link = await page.Locator("#invitation-link").InnerTextAsync();

        // The auditor creates the account for the invited address, accepts and lands in the workspace.
        var auditor = await site.NewPageAsync(width, height);
        await auditor.GotoAsync(link);
        await auditor.GetByRole(AriaRole.Link, new() { Name = $"Create one for {AuditorEmail}" }).ClickAsync();
        await auditor.GetByLabel("Passphrase", new() { Exact = true }).FillAsync(AuditorPassphrase);
        await auditor.GetByLabel("Passphrase again").FillAsync(AuditorPassphrase);
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await auditor.GetByLabel("E-mail address").FillAsync(AuditorEmail);
        await auditor.GetByLabel("Passphrase").FillAsync(AuditorPassphrase);
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await auditor.GetByRole(AriaRole.Status).Filter(new() { HasText = "Welcome to the audit workspace" }).WaitForAsync();

        // An evidence request for someone who is no member.
        await auditor.Locator("#r-text").FillAsync("Minutes of the last access review");
        await auditor.Locator("#r-due").FillAsync(Day(5));
        await auditor.Locator("#r-assignee").FillAsync("nobody@else.example");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Request the evidence" }).ClickAsync();
        await FormRefusal.AssertAsync(auditor, width, "#r-assignee", "error-assigneeEmail", "No member of the organization has this address", "evidence request",
            "access review", "nobody@else", Day(5));
        Assert.Equal("Minutes of the last access review", await auditor.Locator("#r-text").InputValueAsync());
        Assert.Equal(Day(5), await auditor.Locator("#r-due").InputValueAsync());
        Assert.Equal("nobody@else.example", await auditor.Locator("#r-assignee").InputValueAsync());
        Assert.Equal(string.Empty, await auditor.Locator("#f-text").InputValueAsync());

        // A sample of risks, of which the organization has none.
        await auditor.Locator("#s-population").SelectOptionAsync("risks");
        await auditor.Locator("#s-size").FillAsync("3");
        await auditor.Locator("#s-seed").FillAsync("2027");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        await FormRefusal.AssertAsync(auditor, width, "#s-population", "error-population", "no such records", "sample");
        Assert.Equal("risks", await auditor.Locator("#s-population").InputValueAsync());
        Assert.Equal("3", await auditor.Locator("#s-size").InputValueAsync());
        Assert.Equal("2027", await auditor.Locator("#s-seed").InputValueAsync());
        Assert.Equal(string.Empty, await auditor.Locator("#r-text").InputValueAsync());

        // A finding raised against no requirement.
        await auditor.Locator("#f-grade").SelectOptionAsync("major");
        await auditor.Locator("#f-text").FillAsync("Leavers kept their access for a month after leaving.");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Raise the finding" }).ClickAsync();
        await FormRefusal.AssertAsync(auditor, width, "#f-reqs", "error-requirementIds", "requirement", "auditor's finding", "Leavers", "major");
        Assert.Equal("major", await auditor.Locator("#f-grade").InputValueAsync());
        Assert.Equal("Leavers kept their access for a month after leaving.", await auditor.Locator("#f-text").InputValueAsync());
        Assert.Equal(string.Empty, await auditor.Locator("#r-text").InputValueAsync());

        // Corrected, it is raised.
        await BrowserSupport.PickAsync(auditor, "f-reqs", "iso27001-2022:A.5.18");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Raise the finding" }).ClickAsync();
        await auditor.GetByRole(AriaRole.Status).Filter(new() { HasText = "Finding recorded" }).WaitForAsync();
        Assert.Contains("Major nonconformity", await auditor.Locator("#findings").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_settings_forms_keep_no_passphrase_and_a_new_token_leaves_no_secret_in_any_flash()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, AlwaysAsk);
        var settings = $"/orgs/{host.OrganizationA}/settings";
        using var owner = await Browser.SignedInAsync(host, "owner@a.example");

        using (var member = await owner.PostFormAsync($"{settings}/members", settings, new() { ["email"] = "viewer@a.example", ["role"] = "Auditor", ["passphrase"] = WrongPassphrase }))
        {
            Assert.Equal(HttpStatusCode.Redirect, member.StatusCode);
            var back = Uri.UnescapeDataString(member.Headers.Location!.OriginalString);
            Assert.Contains("outcome=refused", back, StringComparison.Ordinal);
            Assert.DoesNotContain("viewer", back, StringComparison.Ordinal);
            Assert.DoesNotContain("Auditor", back, StringComparison.Ordinal);
            Assert.DoesNotContain("passphrase", back, StringComparison.OrdinalIgnoreCase);
        }

        var kept = await FlashesAsync(host);
        Assert.Contains(kept, json => json.Contains("viewer@a.example", StringComparison.Ordinal));
        Assert.DoesNotContain(kept, json => json.Contains(WrongPassphrase, StringComparison.Ordinal));

        using (var token = await owner.PostFormAsync($"{settings}/tokens", settings, new() { ["name"] = "nightly export", ["days"] = "30", ["passphrase"] = WrongPassphrase }))
        {
            var back = Uri.UnescapeDataString(token.Headers.Location!.OriginalString);
            Assert.Contains("outcome=refused", back, StringComparison.Ordinal);
            Assert.DoesNotContain("nightly", back, StringComparison.Ordinal);
        }

        // Read before the next form's page takes (and so deletes) it.
        kept = await FlashesAsync(host);
        Assert.Contains(kept, json => json.Contains("nightly export", StringComparison.Ordinal));
        Assert.DoesNotContain(kept, json => json.Contains(WrongPassphrase, StringComparison.Ordinal));

        // An accepted token answers in place; whatever flashes are left hold neither a passphrase nor its secret.
        using (var token = await owner.PostFormAsync($"{settings}/tokens", settings, new() { ["name"] = "nightly export", ["days"] = "30", ["passphrase"] = Passphrase }))
        {
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            Assert.Null(token.Headers.Location);
            var secret = Regex.Match(await token.Content.ReadAsStringAsync(), "id=\"new-token\">(hm_[^<]+)<").Groups[1].Value;
            Assert.NotEmpty(secret);
            kept = await FlashesAsync(host);
            Assert.DoesNotContain(kept, json => json.Contains(WrongPassphrase, StringComparison.Ordinal) || json.Contains(Passphrase, StringComparison.Ordinal) || json.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, await owner.GetStringAsync(settings), StringComparison.Ordinal);
        }
    }

    private static Task<List<string>> FlashesAsync(ApiHost host) =>
        host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().PendingFormOutcomes.AsNoTracking().Select(p => p.Json).ToListAsync());

    /// <summary>Organization A of the API test host on Kestrel, with the checked browser signed in as its owner.</summary>
    private sealed class Site : IAsyncDisposable
    {
        private readonly ApiHost _host;
        private readonly IPlaywright _playwright;
        private readonly CheckedBrowser _browser;

        private Site(ApiHost host, IPlaywright playwright, CheckedBrowser browser, IPage page)
        {
            (_host, _playwright, _browser, Page) = (host, playwright, browser, page);
        }

        public IPage Page { get; }

        public string Org => $"{_host.BaseUrl}/orgs/{_host.OrganizationA}";

        /// <summary>A second person's browser window (its own cookies), checked like the first.</summary>
        public async Task<IPage> NewPageAsync(int width, int height) =>
            await (await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } })).NewPageAsync();

        public static async Task<Site> StartAsync(int width, int height, IReadOnlyDictionary<string, string>? settings = null)
        {
            var port = BrowserSupport.FreePort();
            var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Urls"] = $"http://127.0.0.1:{port}" };
            var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, all, kestrelPort: port);
            var playwright = await Playwright.CreateAsync();
            var browser = await BrowserSupport.LaunchAsync(playwright);
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            await page.GotoAsync(host.BaseUrl + "/signin");
            await page.GetByLabel("E-mail address").FillAsync("owner@a.example");
            await page.GetByLabel("Passphrase").FillAsync(Passphrase);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Your organizations" }).WaitForAsync();
            return new Site(host, playwright, browser, page);
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
            await _host.DisposeAsync();
        }
    }
}
