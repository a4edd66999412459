using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Features.Risks;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Harmonia.Tests.Work;

/// <summary>
/// Issue 14 item 10 in Chromium on the acme sample: a manager assigns an overdue risk review and an overdue corrective
/// action to a colleague; the colleague gets one e-mail for each on a real SMTP server, finds both on My work,
/// completes both from the record pages, and the organization's overdue list is empty again. axe-core on every page.
/// </summary>
public sealed class AssignmentJourneyTests
{
    private const string Passphrase = "assigned work reaches people";

    [Fact]
    public async Task A_manager_assigns_two_overdue_items_and_the_colleague_completes_them_from_my_work()
    {
        await using var smtp = SmtpSink.Start();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Guid organization;
        Guid nonconformity;
        await using (var scope = database.Scope())
        {
            var services = scope.ServiceProvider;
            services.GetRequiredService<AuditActor>().Name = "test-setup";
            await services.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest("maria@acme.example", Passphrase));
            await services.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest("dana@acme.example", Passphrase));
            var file = OrganizationFileReader.Read("acme.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-iso27001-certified.yaml")), LoadedContent.Shipped.Catalog);
            organization = (await services.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(file))).OrganizationId;
            await services.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(organization, "maria@acme.example", OrganizationRole.Manager));
            await services.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(organization, "dana@acme.example", OrganizationRole.Contributor));
            services.GetRequiredService<TenantScope>().Enter(organization);
            var db = services.GetRequiredService<HarmoniaDbContext>();
            db.Risks.Add(new RiskRecord { Key = "R-12", Title = "Stale access rights", Categories = "confidentiality", Treatment = "mitigate", Owner = "IT", ReviewOn = today.AddDays(-3), InherentLikelihood = 3, InherentImpact = 3, ResidualLikelihood = 2, ResidualImpact = 2 });
            await db.SaveChangesAsync();

            // A nonconformity from an internal audit, its corrective action planned for "IT operations" and two days late.
            var audit = await services.GetRequiredService<PlanAuditHandler>().HandleAsync(new AuditInput("IA-J", "Access management audit", null, ["iso27001-2022:5.2"], null, null, null, null, today.AddDays(-20), today.AddDays(-19), ["Internal auditor"]));
            var raised = await services.GetRequiredService<RecordAuditResultHandler>().HandleAsync(audit.Id, new("iso27001-2022:5.2", "MajorNonconformity", "Leavers keep their access for weeks.", null));
            nonconformity = raised!.Raised!.Id;
            var advance = services.GetRequiredService<AdvanceNonconformityHandler>();
            var nc = await advance.HandleAsync(nonconformity, raised.Raised.Version, new("correction", "Removed the leavers' access.", null, null, null, null));
            nc = await advance.HandleAsync(nonconformity, nc.Version, new("root-cause", null, ["HR does not tell IT about leavers."], null, null, null));
            await advance.HandleAsync(nonconformity, nc.Version, new("plan", null, null, [new CorrectiveActionInput("Automate leaver notifications from HR to IT", "IT operations", today.AddDays(1))], null, null));

            // Planned a while ago: a plan refuses a date already past, so the stored date is moved back as time would have.
            var stored = db.Nonconformities.Single(n => n.Id == nonconformity);
            stored.Json = stored.Json.Replace($"\"{today.AddDays(1):yyyy-MM-dd}\"", $"\"{today.AddDays(-2):yyyy-MM-dd}\"", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        }

        var port = BrowserSupport.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Harmonia", database.Settings.ConnectionString)
                .UseSetting("Urls", baseUrl)
                .UseSetting("Scheduler:Enabled", "false")
                .UseEnvironment("Production");
            foreach (var (key, value) in smtp.Settings)
            {
                b.UseSetting(key, value);
            }
        });
        factory.UseKestrel(port);
        factory.StartServer();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSupport.LaunchAsync(playwright);
        var manager = await SignInAsync(browser, baseUrl, "maria@acme.example");

        // Both items are overdue and nobody's: the record names a function, not a person.
        await manager.GotoAsync($"{baseUrl}/orgs/{organization}/work/overdue");
        var overdue = await manager.Locator("main").InnerTextAsync();
        Assert.Contains("review of risk R-12 'Stale access rights' overdue by 3 days", overdue, StringComparison.Ordinal);
        Assert.Contains("corrective action 'Automate leaver notifications from HR to IT'", overdue, StringComparison.Ordinal);

        // The manager assigns the risk review on the register and the corrective action on the nonconformity.
        await manager.GotoAsync($"{baseUrl}/orgs/{organization}/risks");
        await manager.GetByLabel("Owner's account of R-12").SelectOptionAsync(new SelectOptionValue { Label = "dana@acme.example" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Assign the owner of risk R-12 'Stale access rights'" }).ClickAsync();
        Assert.Contains("dana@acme.example now owns risk R-12", await manager.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.AssertAccessibleAsync(manager, "risk register with owners");

        await manager.GotoAsync($"{baseUrl}/orgs/{organization}/nonconformities/{nonconformity}");
        await manager.GetByLabel("Owner of NC-1-A1").SelectOptionAsync(new SelectOptionValue { Label = "dana@acme.example" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Assign the owner of corrective action 'Automate leaver notifications from HR to IT'" }).ClickAsync();
        Assert.Contains("dana@acme.example now owns corrective action", await manager.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.AssertAccessibleAsync(manager, "nonconformity with owners");
        await BrowserSupport.Shot(manager, "work-02-assigned");

        // The colleague gets one e-mail per assignment, each naming the overdue work and linking to its record.
        await factory.Services.GetRequiredService<ReminderJobs>().DeliverAllAsync(CancellationToken.None);
        var mails = smtp.Messages.Where(m => m.To.Mailboxes.Any(a => a.Address == "dana@acme.example")).ToArray();
        Assert.Equal(2, mails.Length);
        var riskMail = Assert.Single(mails, m => (m.Subject ?? string.Empty).StartsWith("Now yours: risk R-12", StringComparison.Ordinal));
        Assert.Contains("review of risk R-12 'Stale access rights' overdue by 3 days", riskMail.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains($"/orgs/{organization}/risks", riskMail.TextBody ?? string.Empty, StringComparison.Ordinal);
        var actionMail = Assert.Single(mails, m => (m.Subject ?? string.Empty).StartsWith("Now yours: corrective action", StringComparison.Ordinal));
        Assert.Contains($"/orgs/{organization}/nonconformities/{nonconformity}", actionMail.TextBody ?? string.Empty, StringComparison.Ordinal);

        // The colleague finds both on My work, as overdue.
        var colleague = await SignInAsync(browser, baseUrl, "dana@acme.example");
        await colleague.GotoAsync($"{baseUrl}/orgs/{organization}/work");
        var mine = await colleague.Locator("main").InnerTextAsync();
        Assert.Contains("review of risk R-12 'Stale access rights' overdue by 3 days", mine, StringComparison.Ordinal);
        Assert.Contains("corrective action 'Automate leaver notifications from HR to IT'", mine, StringComparison.Ordinal);
        await BrowserSupport.AssertAccessibleAsync(colleague, "my work with assigned items");

        // The risk review, recorded from the link on My work.
        await colleague.GetByRole(AriaRole.Link, new() { Name = "review of risk R-12 'Stale access rights' overdue by 3 days" }).ClickAsync();
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Record the review of R-12" }).ClickAsync();
        Assert.Contains("the review of R-12; next one on", await colleague.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The corrective action, marked done on its nonconformity.
        await colleague.GotoAsync($"{baseUrl}/orgs/{organization}/work");
        await colleague.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^corrective action 'Automate leaver notifications") }).ClickAsync();
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Mark NC-1-A1 done" }).ClickAsync();
        await BrowserSupport.AssertAccessibleAsync(colleague, "nonconformity after the action");

        await colleague.GotoAsync($"{baseUrl}/orgs/{organization}/work");
        Assert.Contains("Nothing of yours is overdue.", await colleague.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await manager.GotoAsync($"{baseUrl}/orgs/{organization}/work/overdue");
        Assert.Contains("Nothing in the organization is overdue.", await manager.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSupport.AssertAccessibleAsync(manager, "empty overdue list");
    }

    private static async Task<IPage> SignInAsync(CheckedBrowser browser, string baseUrl, string email)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/signin");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Passphrase").FillAsync(Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }
}
