using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>The certified acme sample with one owner (maria@acme.example), served on Kestrel, and the checked browser.</summary>
internal sealed class AcmeBrowserSite : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly IPlaywright _playwright;
    private readonly CheckedBrowser _browser;

    private AcmeBrowserSite(TestDatabase database, WebApplicationFactory<Program> factory, IPlaywright playwright, CheckedBrowser browser, string baseUrl, Guid organizationId)
    {
        (_database, _factory, _playwright, _browser) = (database, factory, playwright, browser);
        BaseUrl = baseUrl;
        OrganizationId = organizationId;
    }

    public string BaseUrl { get; }

    public Guid OrganizationId { get; }

    public string Org => $"{BaseUrl}/orgs/{OrganizationId}";

    /// <param name="settings">Extra configuration of the web host (e.g. the webhooks' loopback allowance).</param>
    public static async Task<AcmeBrowserSite> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid organization;
        await using (var scope = database.Scope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest("maria@acme.example", "forms that keep what I typed"));
            var file = OrganizationFileReader.Read("acme.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-iso27001-certified.yaml")), LoadedContent.Shipped.Catalog);
            organization = (await services.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(file))).OrganizationId;
            await services.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(organization, "maria@acme.example", OrganizationRole.Owner));
        }

        var port = BrowserSupport.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Harmonia", database.Settings.ConnectionString).UseSetting("Urls", baseUrl).UseEnvironment("Production");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                b.UseSetting(key, value);
            }
        });
        factory.UseKestrel(port);
        factory.StartServer();
        var playwright = await Playwright.CreateAsync();
        var browser = await BrowserSupport.LaunchAsync(playwright);
        return new AcmeBrowserSite(database, factory, playwright, browser, baseUrl, organization);
    }

    public async Task<Guid> AddControlAsync(string key)
    {
        await using var scope = _database.Scope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(OrganizationId);
        var created = await scope.ServiceProvider.GetRequiredService<SaveControlHandler>().CreateAsync(new ControlInput(key, "Entered by mistake", "Head of IT", "planned", ["iso27001-2022:A.5.7"]));
        return created.Id;
    }

    public Task<IPage> NewPageAsync(int width, int height) => _browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });

    public async Task<IPage> SignInAsync(int width, int height)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(BaseUrl + "/signin");
        await page.GetByLabel("E-mail address").FillAsync("maria@acme.example");
        await page.GetByLabel("Passphrase").FillAsync("forms that keep what I typed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your organizations" }).WaitForAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}
