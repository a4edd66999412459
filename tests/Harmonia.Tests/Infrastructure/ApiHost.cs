using System.Net.Http.Headers;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Infrastructure;

/// <summary>
/// The real web app on a fresh database of one provider, with two organizations: A (acme, one member per role)
/// and B (another tenant, owned by someone else). Tokens are created through the application's own use cases.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly WebApplicationFactory<Program> _factory;

    private ApiHost(TestDatabase database, WebApplicationFactory<Program> factory, string evidenceFolder)
    {
        _database = database;
        _factory = factory;
        EvidenceFolder = evidenceFolder;
    }

    public Guid OrganizationA { get; private set; }

    public Guid OrganizationB { get; private set; }

    public Dictionary<OrganizationRole, string> TokensA { get; } = [];

    public Dictionary<OrganizationRole, Guid> UsersA { get; } = [];

    public string TokenB { get; private set; } = string.Empty;

    /// <summary>An open engagement of organization A for externalauditor@a.example (ADR 0019).</summary>
    public Guid EngagementA { get; private set; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>The database behind the app, for running the CLI against the same data.</summary>
    public TestDatabase Database => _database;

    /// <summary>Where this host keeps evidence files (a fresh temporary folder, removed at the end).</summary>
    public string EvidenceFolder { get; }

    /// <summary>Where a real browser reaches the app; set only when started with a Kestrel port.</summary>
    public string? BaseUrl { get; private set; }

    /// <param name="kestrelPort">Listen on this loopback port with Kestrel (for a real browser) instead of the in-memory test server.</param>
    /// <param name="services">Replaces or adds services after the app's own (a log collector, a failing dependency).</param>
    /// <param name="seed">False for an installation without organizations or accounts (an import's target).</param>
    public static async Task<ApiHost> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null, int? kestrelPort = null, Action<IServiceCollection>? services = null, bool seed = true)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var evidenceFolder = Path.Combine(Path.GetTempPath(), "harmonia-evidence-" + Guid.NewGuid().ToString("N"));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", provider.ToString())
                .UseSetting("ConnectionStrings:Harmonia", database.Settings.ConnectionString)
                .UseSetting("Evidence:Folder", evidenceFolder)
                // Tests run the reminder jobs themselves, on their own clock; a test that wants Quartz turns it on.
                .UseSetting("Scheduler:Enabled", "false")
                // Tests run webhook rounds themselves (RunWebhookRound), so what is sent when is theirs to say.
                .UseSetting("Webhooks:Worker", "false")
                .UseEnvironment("Production");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                b.UseSetting(key, value);
            }

            if (services is not null)
            {
                b.ConfigureTestServices(services);
            }
        });
        var host = new ApiHost(database, factory, evidenceFolder);
        if (kestrelPort is { } port)
        {
            factory.UseKestrel(port);
            factory.StartServer();
            host.BaseUrl = $"http://127.0.0.1:{port}";
        }

        if (seed)
        {
            await host.SeedAsync();
        }
        else
        {
            host.ConsumeSetupLink();
        }

        return host;
    }

    public HttpClient Client(string? token)
    {
        var client = _factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A client that neither follows redirects nor keeps cookies: the test decides which cookies to send.</summary>
    public HttpClient RawClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>As <see cref="RawClient()"/>, addressed to another origin (https, a public host name).</summary>
    public HttpClient RawClient(Uri baseAddress) => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = baseAddress });

    /// <summary>A browser-like client signed in through the real sign-in form (antiforgery included).</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = HiddenFields(await client.GetStringAsync(new Uri("/signin", UriKind.Relative)));
        form["Input.Email"] = email;
        form["Input.Password"] = "a long enough passphrase";
        using var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(form));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>The hidden fields of a page's form (antiforgery token, Blazor's form handler name).</summary>
    public static Dictionary<string, string> HiddenFields(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => System.Net.WebUtility.HtmlDecode(g.First().Groups[2].Value));

    /// <summary>
    /// Waits, at most 30 s, until the start-up warm-up has finished; it keeps the results of the organization changed
    /// last before it ran, so a test about what is kept knows where it starts from.
    /// </summary>
    public async Task WaitForWarmUpAsync()
    {
        var warmUp = Services.GetRequiredService<Harmonia.Web.Platform.StartupWarmUp>();
        for (var waited = 0; !warmUp.Done && waited < 300; waited++)
        {
            await Task.Delay(100);
        }

        Assert.True(warmUp.Done, "the start-up warm-up did not finish in 30 s");
    }

    /// <summary>Runs a use case in its own scope, as one request would.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "test-setup";
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(EvidenceFolder))
        {
            Directory.Delete(EvidenceFolder, recursive: true);
        }
    }

    private async Task SeedAsync()
    {
        OrganizationA = await WithScopeAsync(async s =>
            (await s.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(PersistenceTests.Acme()))).OrganizationId);
        OrganizationB = await WithScopeAsync(async s =>
            (await s.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(PersistenceTests.Acme() with { Profile = PersistenceTests.Acme().Profile with { Name = "Other Tenant AG" } }))).OrganizationId);

        foreach (var role in Enum.GetValues<OrganizationRole>())
        {
            var (user, token) = await MemberAsync($"{role.ToString().ToLowerInvariant()}@a.example", OrganizationA, role);
            UsersA[role] = user;
            TokensA[role] = token;
        }

        TokenB = (await MemberAsync("owner@b.example", OrganizationB, OrganizationRole.Owner)).Token;

        // The external auditor of A works in an open engagement, as the role walk needs (without one the account sees nothing at all).
        EngagementA = await NewEngagementAsync(OrganizationA);

        ConsumeSetupLink();
    }

    // The app started on an empty database and opened its first-run setup link; with the accounts above (or those an
    // import brings), the installation is set up, as when an administrator creates accounts before the first start.
    private void ConsumeSetupLink()
    {
        var gate = Services.GetRequiredService<Harmonia.Web.Platform.SetupGate>();
        if (gate.PendingLink is { } link)
        {
            gate.TryConsume(System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"]);
        }
    }

    private async Task<(Guid User, string Token)> MemberAsync(string email, Guid organization, OrganizationRole role)
    {
        var user = await WithScopeAsync(s => s.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest(email, "a long enough passphrase")));
        await WithScopeAsync(s => s.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(organization, email, role)));
        var token = await WithScopeAsync(s => s.GetRequiredService<CreateAccessTokenHandler>().HandleAsync(new CreateAccessTokenRequest(organization, user.Id, "tests")));
        return (user.Id, token.Token);
    }

    /// <summary>A fresh control in an organization, so destructive calls never depend on each other.</summary>
    public Task<Guid> NewControlAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var db = s.GetRequiredService<HarmoniaDbContext>();
        var control = new ControlRecord { Key = "T-" + Guid.NewGuid().ToString("N")[..8], Name = "Test control", Status = "planned" };
        db.Controls.Add(control);
        await db.SaveChangesAsync();
        return control.Id;
    });

    /// <summary>A fresh file evidence on a control (version 1 is a small text file).</summary>
    public Task<Guid> NewEvidenceAsync(Guid organization, Guid controlId) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        using var content = new MemoryStream("access review minutes\n"u8.ToArray());
        var added = await s.GetRequiredService<AddEvidenceHandler>().HandleAsync(
            controlId, new EvidenceInput("Review minutes", null, null, new DateOnly(2026, 4, 1), null), new EvidenceUpload(content, "minutes.txt", null));
        return added.Id;
    });

    /// <summary>The organization's ai-policy document (generated as a draft the first time).</summary>
    public Task<Guid> DocumentAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var db = s.GetRequiredService<HarmoniaDbContext>();
        if (await db.Documents.Where(d => d.TemplateId == "ai-policy").Select(d => (Guid?)d.Id).SingleOrDefaultAsync() is { } existing)
        {
            return existing;
        }

        await s.GetRequiredService<Harmonia.App.Features.Documents.GenerateDocumentDraftsHandler>().HandleAsync(new(organization, ["ai-policy"]));
        return await db.Documents.Where(d => d.TemplateId == "ai-policy").Select(d => d.Id).SingleAsync();
    });

    /// <summary>A queued background job (a Markdown policy pack); the worker may run it meanwhile.</summary>
    public Task<Guid> NewJobAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        return await s.GetRequiredService<Harmonia.App.Features.Documents.QueuePolicyPackHandler>().HandleAsync("md");
    });

    /// <summary>A fresh pending rewrite of a statement of the document, as a model would have proposed it.</summary>
    public Task<Guid> TailoringProposalAsync(Guid organization, Guid documentId) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var db = s.GetRequiredService<HarmoniaDbContext>();
        var proposal = new Harmonia.App.Features.Documents.TailoringProposalRecord
        {
            DocumentId = documentId,
            StatementId = "ai-policy.purpose",
            Original = "Original wording.",
            Proposed = "Tailored wording.",
            Status = Harmonia.App.Features.Documents.TailoringStatuses.Pending,
            RequestedBy = "test-setup",
        };
        db.TailoringProposals.Add(proposal);
        await db.SaveChangesAsync();
        return proposal.Id;
    });

    /// <summary>A fresh AI system with a draft impact assessment (version 1).</summary>
    public Task<Guid> NewAiSystemAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var system = await s.GetRequiredService<Harmonia.App.Features.AiSystems.SaveAiSystemHandler>().CreateAsync(new(
            "AI-" + Guid.NewGuid().ToString("N")[..8], "Test system", "Ranks test cases", ["ai-user"], null, null, null, null, null, null, null, null, null, null, null, null, null));
        await s.GetRequiredService<Harmonia.App.Features.AiSystems.StartImpactAssessmentHandler>().HandleAsync(system.Id);
        return system.Id;
    });

    /// <summary>A fresh quarterly AI objective without measurements.</summary>
    public Task<Guid> NewObjectiveAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var objective = await s.GetRequiredService<Harmonia.App.Features.Objectives.SaveObjectiveHandler>().CreateAsync(new(
            "Test objective", "ai", "Share of models with a model card", "%", 90, "at-least", "AI Governance Lead", "quarterly", null));
        return objective.Id;
    });

    /// <summary>A fresh role requiring machine learning.</summary>
    public Task<Guid> NewCompetenceRoleAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var role = await s.GetRequiredService<Harmonia.App.Features.Competence.SaveCompetenceRoleHandler>().CreateAsync(new(
            "Role " + Guid.NewGuid().ToString("N")[..8], null, ["machine-learning"]));
        return role.Id;
    });

    /// <summary>A fresh person holding no role.</summary>
    public Task<Guid> NewPersonAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        return (await s.GetRequiredService<Harmonia.App.Features.Competence.SavePersonHandler>().CreateAsync(new("Test person", null, []))).Id;
    });

    /// <summary>A fresh open risk suggestion, raised by a failing bias test of AI-01.</summary>
    public Task<Guid> RiskSuggestionAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var recorded = await s.GetRequiredService<Harmonia.App.Features.AiSystems.RecordAiEvidenceHandler>().HandleAsync(
            [new("AI-01", "bias", "Demographic parity difference", "age 60+", 0.21, 0.1, "max", null, "holdout-2026", new DateOnly(2026, 5, 1), "fairlearn", null, null)]);
        return recorded.Suggestions.Single().Id;
    });

    /// <summary>Version 1 of the SoA of a framework: the proposal, every exclusion justified.</summary>
    public Task<bool> EnsureSoaAsync(Guid organization, string frameworkId) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        if (await s.GetRequiredService<HarmoniaDbContext>().SoaVersions.AnyAsync(v => v.FrameworkId == frameworkId))
        {
            return true;
        }

        var proposal = await s.GetRequiredService<Harmonia.App.Features.Soa.ProposeSoaHandler>().HandleAsync(organization, frameworkId);
        await s.GetRequiredService<Harmonia.App.Features.Soa.SaveSoaVersionHandler>().HandleAsync(organization, frameworkId, new(
            proposal.Where(r => !r.Included).Select(r => new Harmonia.App.Features.Soa.SoaDecisionInput(r.RequirementId, false, null, "Outside the scope of the test organization.")).ToArray(), "test setup"));
        return true;
    });

    /// <summary>A fresh ISO/IEC 27001 certificate (a number of its own each time).</summary>
    public Task<Guid> NewCertificateAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var certificate = await s.GetRequiredService<Harmonia.App.Features.Certification.SaveCertificateHandler>().CreateAsync(organization, new(
            "iso27001-2022", "C-" + Guid.NewGuid().ToString("N")[..8], "Test Certification GmbH", "The test organization's ISMS", new DateOnly(2026, 3, 1), new DateOnly(2029, 2, 28)));
        return certificate.Id;
    });

    /// <summary>A fresh engagement for externalauditor@a.example, open from yesterday for 30 days, auditing both standards.</summary>
    public Task<Guid> NewEngagementAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var db = s.GetRequiredService<HarmoniaDbContext>();
        var today = DateOnly.FromDateTime(s.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var engagement = new Harmonia.App.Features.Certification.EngagementRecord
        {
            Title = "Stage 2 audit " + Guid.NewGuid().ToString("N")[..6],
            AuditorEmail = "externalauditor@a.example",
            NormalizedAuditorEmail = "EXTERNALAUDITOR@A.EXAMPLE",
            Standards = "iso27001-2022,iso42001-2023",
            PeriodFrom = today.AddYears(-1),
            PeriodTo = today,
            StartsOn = today.AddDays(-1),
            EndsOn = today.AddDays(30),
        };
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync();
        return engagement.Id;
    });

    /// <summary>A fresh open evidence request in an engagement, assigned to the contributor.</summary>
    public Task<Guid> NewEvidenceRequestAsync(Guid organization, Guid engagementId) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var db = s.GetRequiredService<HarmoniaDbContext>();
        var number = await db.EvidenceRequests.CountAsync(r => r.EngagementId == engagementId) + 1;
        var request = new Harmonia.App.Features.Certification.EvidenceRequestRecord
        {
            EngagementId = engagementId,
            Number = number,
            Text = "The minutes of the last access review",
            DueOn = new DateOnly(2030, 1, 1),
            State = Harmonia.App.Features.Certification.EvidenceRequestStates.Open,
        };
        db.EvidenceRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    });

    /// <summary>A fresh candidate certification body for ISO/IEC 42001.</summary>
    public Task<Guid> NewCandidateBodyAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var body = await s.GetRequiredService<Harmonia.App.Features.Certification.SaveCandidateBodyHandler>().CreateAsync(organization, new(
            "Body " + Guid.NewGuid().ToString("N")[..8], "iso42001-2023", null, null, null, null, null, null, null, null, null, null, null, null, null));
        return body.Id;
    });

    /// <summary>A fresh internal audit of one clause.</summary>
    public Task<Guid> NewAuditAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var audit = await s.GetRequiredService<Harmonia.App.Features.Audits.PlanAuditHandler>().HandleAsync(new(
            "IA-" + Guid.NewGuid().ToString("N")[..8], "Policy audit", null, ["iso27001-2022:5.2"], null, null, null, null, new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 5), ["Internal auditor"]));
        return audit.Id;
    });

    /// <summary>A fresh open major nonconformity, raised by a fresh audit.</summary>
    public Task<Guid> NewNonconformityAsync(Guid organization, Guid auditId) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var detail = await s.GetRequiredService<Harmonia.App.Features.Audits.RecordAuditResultHandler>().HandleAsync(
            auditId, new("iso27001-2022:5.2", "MajorNonconformity", "The policy was never approved.", null));
        return detail!.Raised!.Id;
    });

    /// <summary>A fresh open AI concern about acme's first AI system.</summary>
    public Task<Guid> NewConcernAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var concern = await s.GetRequiredService<Harmonia.App.Features.AiSystems.ReportAiConcernHandler>().HandleAsync(new("concern", "AI-01", "medium", "Scores drift for new customers.", "Risk team", null));
        return concern.Id;
    });

    /// <summary>A fresh management review held yesterday with one open action.</summary>
    public Task<Guid> NewReviewAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var review = await s.GetRequiredService<Harmonia.App.Features.Reviews.HoldManagementReviewHandler>().HandleAsync(new(
            DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), ["CEO"], "Keep going.", [new("Renew the supplier contracts", "CFO", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)))]));
        return review.Id;
    });

    /// <summary>A fresh top-management member with no linked account.</summary>
    public Task<Guid> NewTopManagementMemberAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        return (await s.GetRequiredService<Harmonia.App.Features.Organizations.SaveTopManagementMemberHandler>().CreateAsync(new("Director " + Guid.NewGuid().ToString("N")[..8], "Managing Director", null))).Id;
    });

    /// <summary>A fresh proposed software supplier, so destructive calls never depend on each other.</summary>
    public Task<Guid> NewSupplierAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var supplier = await s.GetRequiredService<Harmonia.App.Features.Suppliers.SaveSupplierHandler>().CreateAsync(new(
            "Supplier " + Guid.NewGuid().ToString("N")[..8], "Ticketing software", "software", "important", null, "proposed"));
        return supplier.Id;
    });

    /// <summary>A questionnaire sent to the supplier, waiting for answers.</summary>
    public Task<Guid> NewQuestionnaireAsync(Guid organization, Guid supplier) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var (questionnaire, _) = await s.GetRequiredService<Harmonia.App.Features.Suppliers.SendSupplierQuestionnaireHandler>().HandleAsync(
            supplier, new("security-baseline", "security@supplier.example", null));
        return questionnaire.Id;
    });

    /// <summary>A fresh calendar feed of the person in the organization (replacing their previous one).</summary>
    public Task<Guid> NewCalendarFeedAsync(Guid organization, Guid user) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        return (await s.GetRequiredService<Harmonia.App.Features.Work.CreateCalendarFeedHandler>().HandleAsync(new(user))).Id;
    });

    /// <summary>A supplier spreadsheet the person uploaded and has not imported yet.</summary>
    public Task<Guid> NewPendingImportAsync(Guid organization, Guid user) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var email = await s.GetRequiredService<HarmoniaDbContext>().Users.Where(u => u.Id == user).Select(u => u.Email!).SingleAsync();
        return await s.GetRequiredService<Harmonia.App.Features.Interop.PendingImports>().StoreAsync(email, "suppliers", "vendors.csv", "Name,Kind,Tier\nRole Test Hosting,Cloud service,low\n"u8.ToArray());
    });

    /// <summary>A fresh yearly review cycle that starts on 2026-01-05.</summary>
    public Task<Guid> NewRecurringActivityAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        return (await s.GetRequiredService<Harmonia.App.Features.Work.SaveRecurringActivityHandler>().CreateAsync(new("Yearly policy review", "review", null, "FREQ=YEARLY", new DateOnly(2026, 1, 5)))).Id;
    });

    /// <summary>A fresh unread notification of this person, as a reminder sweep would write it.</summary>
    public Task<Guid> NewNotificationAsync(Guid organization, Guid user) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var db = s.GetRequiredService<HarmoniaDbContext>();
        var notification = new Harmonia.App.Features.Work.NotificationRecord
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organization,
            UserId = user,
            Kind = "DueSoon",
            Key = "test:" + Guid.NewGuid().ToString("N"),
            Subject = "Due soon: a test item",
            Text = "A test item is due soon.",
            CreatedUtc = DateTime.UtcNow,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    });

    /// <summary>A fresh comment of this person on a control.</summary>
    public Task<Guid> NewCommentAsync(Guid organization, Guid user, Guid control) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var comment = await s.GetRequiredService<Harmonia.App.Features.Comments.AddCommentHandler>().HandleAsync(user, "role-test", new("control", control, "A comment for the role test"));
        return comment.Id;
    });

    /// <summary>A fresh accepted robustness risk, so destructive calls never depend on each other.</summary>
    /// <summary>A fresh own framework of one requirement (ADR 0036); returns its id.</summary>
    public Task<string> NewOwnFrameworkAsync(Guid organization) => WithScopeAsync(async s =>
    {
        var id = $"own-{Guid.NewGuid():N}"[..20];
        var yaml = $"id: {id}\nname: Own\ngroups:\n  - id: g\n    title: G\n    kind: theme\nrequirements:\n  - ref: r1\n    title: R1\n    group: g\n    kind: control\n    summary: S\n    evidence: E\n";
        var result = await s.GetRequiredService<Harmonia.App.Features.Catalogs.ImportFrameworkHandler>().HandleAsync(new(organization, "own.yaml", yaml));
        return result.FrameworkId!;
    });

    /// <summary>A webhook to an address that is never reached (the tests' hosts do not run the webhook worker).</summary>
    public Task<Guid> NewWebhookAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);

        // The role walk asks for hundreds; the organization's limit is 20, so earlier ones of the walk make room.
        var db = s.GetRequiredService<HarmoniaDbContext>();
        if (await db.WebhookEndpoints.CountAsync() >= 10)
        {
            await db.WebhookDeliveries.ExecuteDeleteAsync();
            await db.WebhookEndpoints.ExecuteDeleteAsync();
        }

        var saved = await s.GetRequiredService<Harmonia.App.Features.Webhooks.SaveWebhookEndpointHandler>().HandleAsync(
            new(null, $"https://hooks.example.com/{Guid.NewGuid():N}", "role test", ["risk.created"]));
        return saved.Endpoint.Id;
    });

    /// <summary>A delivered message of a fresh webhook, so that it can be sent again.</summary>
    public async Task<Guid> NewWebhookDeliveryAsync(Guid organization)
    {
        var webhook = await NewWebhookAsync(organization);
        return await WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(organization);
            var id = await s.GetRequiredService<Harmonia.App.Features.Webhooks.SendTestWebhookHandler>().HandleAsync(webhook);
            await s.GetRequiredService<HarmoniaDbContext>().WebhookDeliveries.Where(d => d.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, Harmonia.App.Features.Webhooks.WebhookDeliveryStatuses.Delivered).SetProperty(d => d.Attempts, 1));
            return id;
        });
    }

    public Task<Guid> NewRiskAsync(Guid organization) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var risk = await s.GetRequiredService<Harmonia.App.Features.Risks.SaveRiskHandler>().CreateAsync(new(
            "R-" + Guid.NewGuid().ToString("N")[..8], "Test risk", null, ["robustness"], null, null, null, 2, 3, "accept", null, 2, 3, null, null, null));
        return risk.Id;
    });

    public Task<bool> EnsureResultAsync(Guid organization, string requirementId) => WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        await s.GetRequiredService<SetResultHandler>().HandleAsync(requirementId, new ResultInput("partially_satisfied", "Seeded for the test."));
        return true;
    });

    public Task<Guid> NewTokenAsync(Guid organization, Guid user) => WithScopeAsync(async s =>
        (await s.GetRequiredService<CreateAccessTokenHandler>().HandleAsync(new CreateAccessTokenRequest(organization, user, "to revoke"))).Id);

    /// <summary>A fresh pending invitation of the organization, for an address without an account.</summary>
    public Task<Guid> NewInvitationAsync(Guid organization, Guid inviter) => WithScopeAsync(async s =>
    {
        var result = await s.GetRequiredService<InviteMemberHandler>().HandleAsync(new InviteMemberRequest(
            organization, $"invitee-{Guid.NewGuid():N}@example.org", OrganizationRole.Viewer, inviter, OrganizationRole.Owner));
        return result.Invitation!.Invitation.Id;
    });

    /// <summary>A fresh account that is a viewer of the organization (to be removed).</summary>
    public Task<Guid> NewMemberAsync(Guid organization) => WithScopeAsync(async s =>
    {
        var user = await s.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest($"member-{Guid.NewGuid():N}@example.org", "a long passphrase for tests"));
        await s.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(organization, user.Email!, OrganizationRole.Viewer));
        return user.Id;
    });
}
