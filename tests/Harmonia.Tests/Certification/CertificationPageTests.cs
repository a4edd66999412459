using System.Net;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Certification;

/// <summary>The certification page driven as a browser would: forms keep typed input after a refusal; axe-core finds nothing serious.</summary>
public sealed class CertificationPageTests
{
    [Fact]
    public async Task A_refused_certificate_comes_back_with_the_message_and_the_typed_fields_and_a_viewer_sees_no_forms()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");
        var page = $"/orgs/{host.OrganizationA}/certification";
        var html = await owner.GetStringAsync(new Uri(page, UriKind.Relative));
        var form = FormFields(html, "name=\"number\"");
        Set(form, "number", "NZ-42001-0001");
        Set(form, "body", "Nordlicht Zertifizierung GmbH");
        Set(form, "scope", "AI management system of the RiskLens platform");
        Set(form, "issuedOn", "2026-06-14");
        Set(form, "expiresOn", "2026-01-01");

        using var refused = await owner.PostAsync(new Uri($"{page}/certificates", UriKind.Relative), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var back = WebUtility.HtmlDecode(await owner.GetStringAsync(new Uri(refused.Headers.Location!.OriginalString, UriKind.Relative)));
        Assert.Contains("The expiry date must fall after the issue date", back, StringComparison.Ordinal);
        Assert.Contains("value=\"NZ-42001-0001\"", back, StringComparison.Ordinal);
        Assert.Contains(">AI management system of the RiskLens platform</textarea>", back, StringComparison.Ordinal);

        Set(form, "expiresOn", "2029-06-13");
        using var saved = await owner.PostAsync(new Uri($"{page}/certificates", UriKind.Relative), new FormUrlEncodedContent(form));
        var done = WebUtility.HtmlDecode(await owner.GetStringAsync(new Uri(saved.Headers.Location!.OriginalString, UriKind.Relative)));
        Assert.Contains("Certificate NZ-42001-0001 recorded.", done, StringComparison.Ordinal);
        Assert.Contains("Surveillance audit 1", done, StringComparison.Ordinal);

        using var viewer = await host.SignedInAsync("viewer@a.example");
        var read = await viewer.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.Contains("NZ-42001-0001", read, StringComparison.Ordinal);
        // Only the sidebar's search (a GET) remains: nothing that would change a record.
        Assert.DoesNotContain("method=\"post\"", read.Split("<main", 2)[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_certification_and_readiness_pages_for_acme_pass_axe_core_and_label_every_field()
    {
        var port = BrowserSupport.FreePort();
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" }, kestrelPort: port);
        using var api = host.Client(host.TokensA[OrganizationRole.Owner]);
        var org = host.OrganizationA;
        using (var imported = await api.PostAsync(new Uri($"/api/orgs/{org}/import", UriKind.Relative),
            new StringContent(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-iso27001-certified.yaml")), System.Text.Encoding.UTF8, "application/yaml")))
        {
            Assert.True(imported.IsSuccessStatusCode);
        }

        await host.NewCertificateAsync(org);
        await host.NewCandidateBodyAsync(org);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSupport.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(host.BaseUrl + "/signin");
        await page.GetByLabel("E-mail address").FillAsync("owner@a.example");
        await page.GetByLabel("Passphrase").FillAsync("a long enough passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your organizations" }).WaitForAsync();

        await page.GotoAsync($"{host.BaseUrl}/orgs/{org}/certification");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Audit-time estimate", Exact = true }).WaitForAsync();
        Assert.Contains("15.5 (5.0 + 10.5)", await page.Locator("#estimate").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.AssertLabelledAsync(page, "main");
        await BrowserSupport.Shot(page, "60-certification");

        await page.GetByLabel("AI-related persons").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the inputs" }).ClickAsync();
        Assert.Contains("Audit-time inputs saved", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("15.0 (4.5 + 10.5)", await page.Locator("#estimate").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync($"{host.BaseUrl}/orgs/{org}/readiness");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Audit time the certification body will plan", Exact = true }).WaitForAsync();
        await BrowserSupport.Shot(page, "61-readiness-audit-time");
    }
}
