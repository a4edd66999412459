using System.Text;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Harmonia.Tests.Suppliers;

/// <summary>
/// Issue 15 item 7, in a real Chromium on the acme sample: a model provider for AI-02 is recorded, the AI supplier
/// questionnaire is sent, answered through the link in a fresh browser context without an account, scored and accepted;
/// A.10.3 and A.5.19 then name the questionnaire as the provider's review and the SoA proposal names the provider.
/// axe-core checks every page visited.
/// </summary>
public sealed class SupplierQuestionnaireBrowserTests
{
    /// <summary>The SoA page's words, with the proposed justifications an editor sees in the fields.</summary>
    private static async Task<string> SoaTextAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        var fields = await page.Locator("input.justification").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
        return await page.Locator("main").InnerTextAsync() + "\n" + string.Join("\n", fields);
    }

    [Fact]
    public async Task A_model_provider_answers_the_AI_questionnaire_through_the_link_and_the_gap_and_SoA_show_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid organization;
        await using (var scope = database.Scope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest("procurement@acme.example", "suppliers under control"));
            var file = OrganizationFileReader.Read("acme.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-iso27001-certified.yaml")), LoadedContent.Shipped.Catalog);
            organization = (await services.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(file))).OrganizationId;
            await services.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(organization, "procurement@acme.example", OrganizationRole.Owner));
        }

        var port = BrowserSupport.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var evidence = Path.Combine(Path.GetTempPath(), "harmonia-evidence-" + Guid.NewGuid().ToString("N"));
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:Harmonia", database.Settings.ConnectionString)
            .UseSetting("Evidence:Folder", evidence)
            .UseSetting("Urls", baseUrl)
            .UseEnvironment("Production"));
        factory.UseKestrel(port);
        factory.StartServer();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSupport.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(baseUrl + "/signin");
        await page.GetByLabel("E-mail address").FillAsync("procurement@acme.example");
        await page.GetByLabel("Passphrase").FillAsync("suppliers under control");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Before: the 42001 SoA proposal names no Lumen.
        Assert.DoesNotContain("Lumen Models SAS", await SoaTextAsync(page, $"{baseUrl}/orgs/{organization}/soa/iso42001-2023"), StringComparison.Ordinal);

        // The model provider for AI-02, with the contract clauses the AI supplier controls need.
        await page.GotoAsync($"{baseUrl}/orgs/{organization}/suppliers");
        await page.Locator("#add-name").FillAsync("Lumen Models SAS");
        await page.Locator("#add-kind").SelectOptionAsync("model-provider");
        await page.Locator("#add-tier").SelectOptionAsync("critical");
        await page.Locator("#add-status").SelectOptionAsync("active");
        await page.Locator("#add-contacts").FillAsync("Trust team | | trust@lumen.example");
        await page.Locator("#add-contracts").FillAsync("API terms | 2026-01-01 | | | security, confidentiality, ai-use-of-customer-data, model-change-notice, audit-rights, incident-notification, sub-processors");
        await page.Locator("#add-ai").FillAsync("AI-02 | ai-producer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the supplier" }).ClickAsync();
        Assert.Contains("SUP-5 Lumen Models SAS", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var supplierPage = page.Url.Split('?')[0];

        // Send the AI supplier questionnaire: the link is shown once.
        await page.Locator("#send-template").SelectOptionAsync("ai-supplier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the link" }).ClickAsync();
        var link = (await page.Locator("#questionnaire-link").InnerTextAsync()).Trim();
        Assert.StartsWith(baseUrl + "/supplier-questionnaire/hq_", link, StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "questionnaire-01-sent");

        // The supplier, in a fresh context: no account, no cookie of the organization's session.
        await using (var context = await browser.NewContextAsync())
        {
            var supplier = await context.NewPageAsync();
            await supplier.GotoAsync(link);
            Assert.Contains("AI supplier questionnaire", await supplier.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserSupport.AssertLabelledAsync(supplier, "main");
            await BrowserSupport.Shot(supplier, "questionnaire-02-link");
            await supplier.Locator("#q-security-programme-yes").CheckAsync();
            await supplier.Locator("#q-training-data-provenance").FillAsync("Licensed corpora and public-domain text, each source recorded with its licence.");
            await supplier.GetByRole(AriaRole.Button, new() { Name = "Save a draft" }).ClickAsync();
            Assert.Contains("Draft saved (version 1)", await supplier.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await supplier.Locator("#q-security-programme-yes").IsCheckedAsync());
            await supplier.Locator("#q-training-data-rights-yes").CheckAsync();
            await supplier.Locator("#q-customer-data-training-never").CheckAsync();
            await supplier.Locator("#q-model-change-notice-yes").CheckAsync();
            await supplier.Locator("#q-evaluation-and-bias").SetInputFilesAsync(new FilePayload { Name = "model-card.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n% Lumen 3 model card\n%%EOF\n") });
            await supplier.Locator("#q-incident-reporting-yes").CheckAsync();
            await supplier.Locator("#q-human-oversight-yes").CheckAsync();
            await supplier.Locator("#q-transparency-documentation-model-card").CheckAsync();
            await supplier.GetByRole(AriaRole.Button, new() { Name = "Submit the answers" }).ClickAsync();
            Assert.Contains("Your answers were submitted", await supplier.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserSupport.Shot(supplier, "questionnaire-03-submitted");

            // The link leads nowhere else: the organization's pages ask this browser to sign in.
            await supplier.GotoAsync($"{baseUrl}/orgs/{organization}/suppliers");
            Assert.Contains("/signin", supplier.Url, StringComparison.Ordinal);
        }

        // Score it: mark the text and document answers, accept.
        await page.GotoAsync(supplierPage + "#questionnaires");
        await page.GetByRole(AriaRole.Link, new() { Name = "AI supplier questionnaire" }).ClickAsync();
        await BrowserSupport.AssertLabelledAsync(page, "main");
        await page.Locator("#mark-training-data-provenance").SelectOptionAsync("pass");
        await page.Locator("#mark-evaluation-and-bias").SelectOptionAsync("pass");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the marks" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the answers" }).ClickAsync();
        var reviewed = await page.Locator("main").InnerTextAsync();
        Assert.Contains("questionnaire accepted with a score of 100", reviewed, StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "questionnaire-04-accepted");

        // A.10.3 and A.5.19 take the accepted questionnaire as Lumen's review; the SoA proposal names Lumen.
        foreach (var requirement in new[] { "iso42001-2023:A.10.3", "iso27001-2022:A.5.19" })
        {
            await page.GotoAsync($"{baseUrl}/orgs/{organization}/requirements/{requirement}");
            var row = await page.Locator("main").InnerTextAsync();
            Assert.True(row.Contains("SUP-5 by the AI supplier questionnaire accepted", StringComparison.Ordinal), requirement + ": " + row);
            Assert.DoesNotContain("SUP-5 Lumen Models SAS (never reviewed", row, StringComparison.Ordinal);
            await BrowserSupport.Shot(page, "questionnaire-05-" + requirement.Split(':')[1]);
        }

        var soa = await SoaTextAsync(page, $"{baseUrl}/orgs/{organization}/soa/iso42001-2023");
        var governs = soa.Split('\n').Where(l => l.Contains("supplier register holds", StringComparison.Ordinal)).ToArray();
        Assert.True(governs.Any(l => l.Contains("SUP-5 Lumen Models SAS", StringComparison.Ordinal)), string.Join("\n", governs));
        await BrowserSupport.Shot(page, "questionnaire-06-soa");
    }
}
