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
/// The supplier import in a real Chromium on the acme sample: upload a vendor list with its own column names, see a
/// mistake named by row and column with no way to import, upload the corrected file, match the unmatched column by
/// hand, check the preview and import. axe-core checks every page visited.
/// </summary>
public sealed class SupplierImportBrowserTests
{
    [Fact]
    public async Task A_vendor_list_is_matched_previewed_and_imported_in_the_browser()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid organization;
        await using (var scope = database.Scope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest("procurement@acme.example", "suppliers under control"));
            var file = OrganizationFileReader.Read("acme.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-iso27001-certified.yaml")), LoadedContent.Shipped.Catalog);
            organization = (await services.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(file))).OrganizationId;
            await services.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(organization, "procurement@acme.example", OrganizationRole.Manager));
        }

        var port = BrowserSupport.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:Harmonia", database.Settings.ConnectionString)
            .UseSetting("Evidence:Folder", Path.Combine(Path.GetTempPath(), "harmonia-evidence-" + Guid.NewGuid().ToString("N")))
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

        await page.GotoAsync($"{baseUrl}/orgs/{organization}/suppliers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import from a spreadsheet" }).ClickAsync();
        await BrowserSupport.AssertAccessibleAsync(page, "supplier import upload");

        // A wrong kind: the preview names the row and the column and offers no Import button.
        var wrong = "Vendor,Category,Risk level,Notes\nNorth Payroll,Outsourced process,important,monthly\nQuanta Labs,Quantum oracle,low,\n";
        await page.GetByLabel("Spreadsheet").SetInputFilesAsync(new FilePayload { Name = "vendors.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(wrong) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        var preview = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Column 'Category': 'Quantum oracle' is not one of", preview, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", preview, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Import") }).CountAsync());
        await BrowserSupport.AssertAccessibleAsync(page, "supplier import preview with problems");

        // The corrected file; its "Risk level" column is matched to the tier by hand and the preview checked again.
        await page.GotoAsync($"{baseUrl}/orgs/{organization}/import/suppliers");
        var right = wrong.Replace("Quantum oracle", "Software", StringComparison.Ordinal);
        await page.GetByLabel("Spreadsheet").SetInputFilesAsync(new FilePayload { Name = "vendors.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(right) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        Assert.Contains("tier is one of the organization's tiers", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Field for the column Risk level").SelectOptionAsync("tier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check again with this matching" }).ClickAsync();
        Assert.Contains("Would add 2, update 0, delete 0; 0 unchanged.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("tier", await page.GetByLabel("Field for the column Risk level").InputValueAsync());
        await BrowserSupport.AssertAccessibleAsync(page, "supplier import preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import: add 2, update 0, delete 0" }).ClickAsync();
        var register = await page.Locator("main").InnerTextAsync();
        Assert.Contains("import of vendors.csv: 2 added, 0 updated, 0 deleted, 0 unchanged", register, StringComparison.Ordinal);
        Assert.Contains("North Payroll", register, StringComparison.Ordinal);
        Assert.Contains("Quanta Labs", register, StringComparison.Ordinal);
        Assert.EndsWith($"/orgs/{organization}/suppliers", page.Url.Split('?')[0], StringComparison.Ordinal);
    }
}
