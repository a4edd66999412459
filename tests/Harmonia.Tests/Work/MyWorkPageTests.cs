using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Features.Risks;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Harmonia.Tests.Work;

/// <summary>
/// My work, the overdue list and the dashboard counts in a browser on the acme sample, with a risk whose owner is the
/// signed-in person's e-mail; a calendar feed address is created from the page and answers. Every page is checked by axe-core.
/// </summary>
public sealed class MyWorkPageTests
{
    [Fact]
    public async Task A_member_sees_their_overdue_risk_review_and_subscribes_to_their_feed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid organization;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var scope = database.Scope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest("dana@acme.example", "due work in one place"));
            var file = OrganizationFileReader.Read("acme.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-iso27001-certified.yaml")), LoadedContent.Shipped.Catalog);
            organization = (await services.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(file))).OrganizationId;
            await services.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(organization, "dana@acme.example", OrganizationRole.Manager));
            services.GetRequiredService<TenantScope>().Enter(organization);
            var db = services.GetRequiredService<HarmoniaDbContext>();
            db.Risks.Add(new RiskRecord { Key = "R-12", Title = "Stale access rights", Categories = "confidentiality", Treatment = "mitigate", Owner = "dana@acme.example", ReviewOn = today.AddDays(-3), InherentLikelihood = 3, InherentImpact = 3, ResidualLikelihood = 2, ResidualImpact = 2 });
            await db.SaveChangesAsync();
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
        await page.GetByLabel("E-mail address").FillAsync("dana@acme.example");
        await page.GetByLabel("Passphrase").FillAsync("due work in one place");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The dashboard counts: one item of hers overdue; the organization's overdue list has that one too.
        await page.GotoAsync($"{baseUrl}/orgs/{organization}");
        var dashboard = await page.Locator("main").InnerTextAsync();
        Assert.Contains("My work: 1 overdue, 0 this week, 0 later", dashboard, StringComparison.Ordinal);
        Assert.Contains("1 overdue in the organization", dashboard, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "My work" }).First.ClickAsync();
        var mine = await page.Locator("main").InnerTextAsync();
        Assert.Contains("review of risk R-12 'Stale access rights' overdue by 3 days", mine, StringComparison.Ordinal);
        Assert.Contains("Nothing of yours falls due in the next seven days.", mine, StringComparison.Ordinal);
        await BrowserSupport.AssertLabelledAsync(page, "main");
        await BrowserSupport.AssertAccessibleAsync(page, "my work");
        await BrowserSupport.Shot(page, "work-01-my-work");

        // Filtering by another area leaves nothing of hers.
        await page.Locator("#filter-module").SelectOptionAsync("suppliers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        Assert.Contains("Nothing of yours is overdue.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync($"{baseUrl}/orgs/{organization}/work/overdue");
        var overdue = await page.Locator("main").InnerTextAsync();
        Assert.Contains("review of risk R-12 'Stale access rights' overdue by 3 days", overdue, StringComparison.Ordinal);
        await BrowserSupport.AssertAccessibleAsync(page, "overdue work");

        // A feed address from the page: shown once, and it answers without the session.
        await page.GotoAsync($"{baseUrl}/orgs/{organization}/work");
        await page.GetByRole(AriaRole.Button, new() { Name = "New address for my work" }).ClickAsync();
        var address = (await page.Locator("#new-feed").InnerTextAsync()).Trim();
        Assert.StartsWith($"{baseUrl}/calendar/hc_", address, StringComparison.Ordinal);
        await BrowserSupport.AssertAccessibleAsync(page, "new calendar feed");
        using var anonymous = new HttpClient();
        var ics = await anonymous.GetStringAsync(new Uri(address));
        Assert.Contains("SUMMARY:Review of risk R-12 'Stale access rights'", ics, StringComparison.Ordinal);

        // Revoked from the page, it stops answering.
        await page.GotoAsync($"{baseUrl}/orgs/{organization}/work");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        Assert.Contains("calendar feed revoked", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(address))).StatusCode);
    }
}
