using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// The loop of issue 6 in a real browser on the acme sample, after the documents are published and the AI controls
/// are in place (<see cref="AcmeCertificationWork"/>): an integrated internal audit finds a major nonconformity, its
/// corrective action is carried out and closed, top management holds a review whose inputs show the audit and the
/// nonconformity, and the readiness page turns green for both standards; the audit pack downloaded there verifies.
/// Screenshots ready-01..ready-09 in screenshots/.
/// </summary>
public sealed class CertificationReadinessFlowTests
{
    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_internal_audit_its_major_nonconformity_and_a_management_review_turn_readiness_green()
    {
        var port = BrowserSupport.FreePort();
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" }, port);
        var api = $"/api/orgs/{host.OrganizationA}";
        using (var contributorApi = host.Client(host.TokensA[OrganizationRole.Contributor]))
        using (var ownerApi = host.Client(host.TokensA[OrganizationRole.Owner]))
        {
            await AcmeCertificationWork.DoAsync(contributorApi, ownerApi, api);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSupport.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/signin");
        await page.GetByLabel("E-mail address").FillAsync("owner@a.example");
        await page.GetByLabel("Passphrase").FillAsync("a long enough passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var org = $"{host.BaseUrl}/orgs/{host.OrganizationA}";

        // Before: documents and records are in place, but no internal audit is planned (Stage 1) or held (Stage 2).
        await page.GotoAsync(org + "/readiness");
        var integrated = page.Locator("#fw-integrated");
        Assert.Contains("Stage 1 (documents and records): not ready", await integrated.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("No internal audit is planned or held", await integrated.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Stage 2 (implementation): not ready", await integrated.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("No internal audit completed since", await integrated.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "ready-01-before-audit");

        // Plan one integrated audit of both standards from the programme page.
        await integrated.GetByRole(AriaRole.Link, new() { Name = "(audit programme)" }).First.ClickAsync();
        await BrowserSupport.AssertLabelledAsync(page, "main");
        await page.GetByLabel("Key").FillAsync("IA-2026-02");
        await page.GetByLabel("Title").FillAsync("Integrated ISMS and AIMS audit before certification");
        await page.GetByLabel("ISO/IEC 27001:2022").CheckAsync();
        await page.GetByLabel("ISO/IEC 42001:2023").CheckAsync();
        await page.Locator("#audit-processes").FillAsync("Model release, Access management");
        await page.GetByLabel("Planned start").FillAsync(Day(DateTime.UtcNow.AddDays(-3)));
        await page.GetByLabel("Planned end").FillAsync(Day(DateTime.UtcNow.AddDays(-1)));
        await page.GetByLabel("Auditors").FillAsync("Ines Auditor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the audit" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Integrated ISMS and AIMS audit before certification" }).WaitForAsync();
        var auditUrl = page.Url.Split('?')[0];

        // The auditor finds no impact assessment for the credit scoring model: a major nonconformity against 42001 6.1.4.
        var row = page.Locator("#result-item-iso42001-2023-6-1-4");
        await row.Locator("select[name=grade]").SelectOptionAsync("MajorNonconformity");
        await row.Locator("[name=note]").FillAsync("The credit scoring model went live without an impact assessment.");
        await row.Locator("[name=sampled]").FillAsync("AI-02 release record 2026-03");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.Locator("#item-iso42001-2023-6-1-4 .badge", new() { HasText = "Major nonconformity" }).WaitForAsync();
        await BrowserSupport.Shot(page, "ready-02-major-nonconformity");

        // The rest of the checklist is graded conforming by the auditor through the API (about 160 rows), then the
        // audit is completed from its page.
        using (var auditorApi = host.Client(host.TokensA[OrganizationRole.Auditor]))
        {
            var detail = JsonDocument.Parse(await auditorApi.GetStringAsync(new Uri(auditUrl.Replace(host.BaseUrl + "/orgs", "/api/orgs", StringComparison.Ordinal), UriKind.Relative))).RootElement;
            var keys = detail.GetProperty("checklist").EnumerateArray().Select(r => r.GetProperty("item").GetProperty("key").GetString()!).Where(k => k != "iso42001-2023:6.1.4").ToArray();
            Assert.True(keys.Length > 150, $"{keys.Length} checklist items for both standards");
            var results = auditUrl.Replace(host.BaseUrl + "/orgs", "/api/orgs", StringComparison.Ordinal) + "/results";
            foreach (var key in keys)
            {
                using var graded = await auditorApi.PostAsync(new Uri(results, UriKind.Relative), new StringContent($$"""{"itemKey":"{{key}}","grade":"Conforming"}""", Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.OK, graded.StatusCode);
            }
        }

        await page.GotoAsync(auditUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete the audit" }).ClickAsync();
        await page.GetByText("Completed", new() { Exact = true }).First.WaitForAsync();

        // Readiness now blocks on the open major nonconformity, and links to it; the audit programme completes Stage 1.
        await page.GotoAsync(org + "/readiness");
        Assert.Contains("Stage 1 (documents and records): ready", await page.Locator("#fw-integrated").InnerTextAsync(), StringComparison.Ordinal);
        var stage2 = await page.Locator("#fw-iso42001-2023-stage2").InnerTextAsync();
        Assert.Contains("Open major nonconformity NC-1", stage2, StringComparison.Ordinal);
        Assert.DoesNotContain("No internal audit completed", stage2, StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "ready-03-blocked-by-nonconformity");
        await page.Locator("#fw-iso42001-2023-stage2").GetByRole(AriaRole.Link, new() { Name = "(nonconformity NC-1)" }).First.ClickAsync();

        // Correction, root cause with the 5-whys aid, a corrective action, its effectiveness, closure.
        await page.GetByLabel("Correction: what was done right away to contain it").FillAsync("Impact assessment of AI-02 started the same day; model kept under human review.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the correction" }).ClickAsync();
        await page.GetByLabel("Why 1?").FillAsync("Nobody assessed the model before release");
        await page.GetByLabel("Why 2?").FillAsync("The release checklist has no impact assessment step");
        await page.GetByLabel("Why 3?").FillAsync("The AI procedure was written after the checklist");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the root cause" }).ClickAsync();
        await page.Locator("#nc-a0-description").FillAsync("Add an approved impact assessment as a release gate");
        await page.Locator("#nc-a0-owner").FillAsync("AI Governance Lead");
        await page.Locator("#nc-a0-due").FillAsync(Day(DateTime.UtcNow.AddDays(14)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the actions" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark NC-1-A1 done" }).ClickAsync();
        await page.GetByLabel("Yes, effective").CheckAsync();
        await page.GetByLabel("How it was checked").FillAsync("The next two releases stopped at the gate until their assessments were approved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the effectiveness check" }).ClickAsync();
        await BrowserSupport.Shot(page, "ready-04-corrective-action-effective");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close NC-1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen NC-1" }).WaitForAsync();
        Assert.Contains("The release checklist has no impact assessment step", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "ready-05-nonconformity-closed");

        // The AI objective behind the corrective action, measured twice; its sparkline is drawn with the target line.
        await page.GotoAsync(org + "/objectives");
        await BrowserSupport.AssertLabelledAsync(page, "main");
        await page.GetByLabel("Objective", new() { Exact = true }).FillAsync("Every model release has an approved impact assessment");
        await page.GetByLabel("Management system").SelectOptionAsync("ai");
        await page.GetByLabel("Measure (what is measured and how)").FillAsync("Share of releases in the quarter whose impact assessment was approved before go-live");
        await page.GetByLabel("Unit").FillAsync("%");
        await page.GetByLabel("Target direction").SelectOptionAsync("at-least");
        await page.GetByLabel("Target value").FillAsync("100");
        await page.GetByLabel("Owner").FillAsync("AI Governance Lead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the objective" }).ClickAsync();
        foreach (var (daysAgo, value) in new[] { (40, "75"), (2, "100") })
        {
            await page.Locator("#measured-O-1").FillAsync(Day(DateTime.UtcNow.AddDays(-daysAgo)));
            await page.Locator("#value-O-1").FillAsync(value);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record measurement" }).First.ClickAsync();
            await page.Locator("#value-O-1").WaitForAsync();
        }

        Assert.Equal(2, await page.Locator("td.spark svg circle").CountAsync());
        Assert.Equal(1, await page.Locator("td.spark svg line.target").CountAsync());
        await BrowserSupport.Shot(page, "ready-06-objective");

        // The management review: its inputs show the audit, the nonconformity and the objective, then the meeting is recorded.
        await page.GotoAsync(org + "/management-reviews");
        var inputs = await page.Locator("section[aria-labelledby=inputs-title]").InnerTextAsync();
        Assert.Contains("1 raised since", inputs, StringComparison.Ordinal);
        Assert.Contains("(1 major, 0 minor); 0 open in all, 1 closed", inputs, StringComparison.Ordinal);
        Assert.Contains("IA-2026-02 Integrated ISMS and AIMS audit before certification, completed", inputs, StringComparison.Ordinal);
        Assert.Contains("O-1 Every model release has an approved impact assessment (AI, owner AI Governance Lead): latest", inputs, StringComparison.Ordinal);
        await BrowserSupport.AssertLabelledAsync(page, "main");
        await page.GetByLabel("Held on").FillAsync(Day(DateTime.UtcNow));
        await page.GetByLabel("Attendees").FillAsync("ISMS Manager, AI Governance Lead");
        await page.GetByLabel("Dr. Anna Weber, Managing Director").CheckAsync();
        await page.GetByLabel("Decisions").FillAsync("Both management systems are effective; go for the integrated certification audit.");
        await page.Locator("#action-0-description").FillAsync("Book the Stage 1 audit with the certification body");
        await page.Locator("#action-0-owner").FillAsync("ISMS Manager");
        await page.Locator("#action-0-due").FillAsync(Day(DateTime.UtcNow.AddDays(21)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await page.Locator("#open-actions").WaitForAsync();
        Assert.Contains("Book the Stage 1 audit with the certification body", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "ready-07-review-held");

        // Readiness is green: Stage 1 and Stage 2 for each standard and for the integrated audit.
        await page.GotoAsync(org + "/readiness");
        Assert.Equal(6, await page.Locator(".card.ready").CountAsync());
        Assert.Equal(0, await page.Locator(".card.notready").CountAsync());
        Assert.Contains("Stage 2 (implementation): ready", await page.Locator("#fw-integrated").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("ul.blocking li").CountAsync());
        await BrowserSupport.Shot(page, "ready-08-green");

        // The audit pack downloaded from the page verifies against the fingerprint the page shows.
        var fingerprint = (await page.Locator("#pack code").InnerTextAsync()).Split(' ')[^1];
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the audit pack" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"pack-{Guid.NewGuid():N}.zip");
        try
        {
            await download.SaveAsAsync(path);
            using (var archive = System.IO.Compression.ZipFile.OpenRead(path))
            {
                var names = archive.Entries.Select(e => e.FullName).ToArray();
                Assert.Contains("audits/IA-2026-02-report.pdf", names);
                Assert.Contains("audit-trail-head.txt", names);
                Assert.Contains(names, n => n.StartsWith("reviews/review-", StringComparison.Ordinal));
                Assert.Contains(names, n => n.StartsWith("documents/", StringComparison.Ordinal));
                using var objectives = new StreamReader(archive.GetEntry("records/objectives.csv")!.Open());
                var measured = (await objectives.ReadToEndAsync()).Split('\n').Where(l => l.Contains("Every model release has an approved impact assessment", StringComparison.Ordinal)).ToArray();
                Assert.Equal(2, measured.Length);
            }

            var verified = CliRun.Of("pack", "verify", path, "--fingerprint", fingerprint);
            Assert.True(verified.ExitCode == 0, verified.Error);
        }
        finally
        {
            File.Delete(path);
        }

        await BrowserSupport.Shot(page, "ready-09-pack");
    }
}
