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
/// The register and supplier pages in a browser on the acme sample: filters, a refused form that keeps what was typed,
/// a review that clears the due flag, and the 42001 gap row naming the new supplier. Every page is checked by axe-core.
/// </summary>
public sealed class SupplierPageTests
{
    [Fact]
    public async Task A_model_provider_is_added_through_the_pages_reviewed_and_named_by_the_gap_row()
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
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:Harmonia", database.Settings.ConnectionString)
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

        // The register from the navigation: acme's four suppliers; both AI systems are linked, so no free-text hint; the filters.
        await page.GotoAsync($"{baseUrl}/orgs/{organization}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Suppliers" }).First.ClickAsync();
        var register = await page.Locator("main").InnerTextAsync();
        Assert.Contains("HelpDeskly Inc.", register, StringComparison.Ordinal);
        Assert.DoesNotContain("AI systems that name a supplier only in free text", register, StringComparison.Ordinal);
        await BrowserSupport.AssertLabelledAsync(page, "main");
        await BrowserSupport.Shot(page, "suppliers-01-register");

        await page.Locator("#filter-kind").SelectOptionAsync("cloud");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var clouds = await page.Locator("table.suppliers tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, clouds.Count);
        Assert.All(clouds, row => Assert.Contains("Cloud service", row, StringComparison.Ordinal));

        // A wrong date in a contract line: the form comes back with everything typed and the reason.
        await page.GotoAsync($"{baseUrl}/orgs/{organization}/suppliers");
        await page.Locator("#add-name").FillAsync("Lumen Models SAS");
        await page.Locator("#add-kind").SelectOptionAsync("model-provider");
        await page.Locator("#add-tier").SelectOptionAsync("critical");
        await page.Locator("#add-status").SelectOptionAsync("active");
        await page.Locator("#add-services").FillAsync("Hosted model API for the PD model's explanations");
        await page.Locator("#add-contracts").FillAsync("API terms | 2026-13-01 | | | security, confidentiality, ai-use-of-customer-data, model-change-notice, audit-rights, incident-notification");
        await page.Locator("#add-ai").FillAsync("AI-02 | ai-producer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the supplier" }).ClickAsync();
        Assert.Contains("'2026-13-01' is not a date (YYYY-MM-DD).", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Lumen Models SAS", await page.Locator("#supplier-name").InputValueAsync());
        Assert.Equal("AI-02 | ai-producer", await page.Locator("#supplier-ai").InputValueAsync());
        Assert.Equal("model-provider", await page.Locator("#supplier-kind").InputValueAsync());
        await BrowserSupport.AssertLabelledAsync(page, "main");
        await BrowserSupport.Shot(page, "suppliers-02-refused-form");

        await page.Locator("#supplier-contracts").FillAsync("API terms | 2026-01-01 | | | security, confidentiality, ai-use-of-customer-data, model-change-notice, audit-rights, incident-notification");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the supplier" }).ClickAsync();
        var detail = await page.Locator("main").InnerTextAsync();
        Assert.Contains("SUP-5 Lumen Models SAS", detail, StringComparison.Ordinal);
        Assert.Contains("Overdue", detail, StringComparison.Ordinal);
        Assert.Contains("first review", detail, StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "suppliers-03-supplier");

        // The first review clears the overdue flag and sets the next review a year on.
        await page.Locator("#review-on").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#review-outcome").SelectOptionAsync("satisfactory");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        detail = await page.Locator("main").InnerTextAsync();
        Assert.Contains("review of SUP-5 recorded; next review due " + DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).AddMonths(12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), detail, StringComparison.Ordinal);
        Assert.Contains("Up to date", detail, StringComparison.Ordinal);
        Assert.Contains("supplier", detail[detail.IndexOf("History", StringComparison.Ordinal)..], StringComparison.Ordinal);
        await BrowserSupport.AssertLabelledAsync(page, "main");
        await BrowserSupport.Shot(page, "suppliers-04-reviewed");

        // The 42001 supplier control names it among the AI suppliers, with what acme's helpdesk vendor still lacks.
        await page.GotoAsync($"{baseUrl}/orgs/{organization}/requirements/iso42001-2023:A.10.3");
        var requirement = await page.Locator("main").InnerTextAsync();
        Assert.Contains("SUP-5 Lumen Models SAS", requirement, StringComparison.Ordinal);
        Assert.Contains("SUP-3 HelpDeskly Inc. (no contract in force with audit rights, model change notice)", requirement, StringComparison.Ordinal);
        await BrowserSupport.Shot(page, "suppliers-05-gap-row");
    }
}
