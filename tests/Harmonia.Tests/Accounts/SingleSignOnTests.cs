using System.Net;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Accounts;

/// <summary>
/// Issue 17 item 1 (ADR 0034): single sign-on through a real OpenID Connect provider (OpenIddict on a loopback port)
/// into the real web app on Kestrel, driven by an HttpClient that follows every redirect itself and keeps cookies.
/// </summary>
public sealed class SingleSignOnTests
{
    private const string Provider = "corp";
    private const string ProviderName = "Example Corp";

    private static readonly string[] Managers = ["harmonia-managers"];
    private static readonly string[] Auditors = ["harmonia-auditors"];
    private static readonly string[] OwnersAndManagers = ["harmonia-owners", "harmonia-managers", "everyone"];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_first_sign_in_creates_the_account_with_the_mapped_role_and_the_trail_records_it(DatabaseProvider database)
    {
        await using var sso = await SsoSetup.StartAsync(database);
        sso.Idp.NextPerson = new TestPerson("subject-1", "new.person@a.example", true, Managers);
        using var client = sso.NewClient();

        var visit = await client.SignInThroughProviderAsync();

        Assert.Equal("/orgs", visit.Final.AbsolutePath);
        Assert.Contains(visit.Visited, u => u.AbsoluteUri.StartsWith(sso.Idp.Authority, StringComparison.Ordinal));
        var user = await sso.UserAsync("new.person@a.example");
        Assert.NotNull(user);
        Assert.True(user!.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        var membership = await sso.MembershipAsync(sso.Client, user.Id);
        Assert.Equal(OrganizationRole.Manager, membership?.Role);
        Assert.Equal("sso-" + Provider, membership?.MappedBy);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/orgs/{sso.Client}/settings")).StatusCode);

        var trail = await sso.TrailAsync(sso.Client);
        Assert.Contains(trail, e => e.EntityType == nameof(Membership) && e.Changes.Contains("Manager", StringComparison.Ordinal) && e.Actor == "sso:" + Provider);
        Assert.Contains(trail, e => e.Changes.Contains(SecurityEventKinds.RoleGrantedByMapping, StringComparison.Ordinal));
        Assert.Contains(trail, e => e.Changes.Contains(SecurityEventKinds.AccountCreatedBySignIn, StringComparison.Ordinal));

        // The second sign-in finds the same account by the provider's subject and changes nothing.
        using var again = sso.NewClient();
        Assert.Equal("/orgs", (await again.SignInThroughProviderAsync()).Final.AbsolutePath);
        Assert.Equal(1, await sso.CountUsersAsync("new.person@a.example"));

        // Moved to another mapped group: the mapped membership follows, and the trail says so.
        sso.Idp.NextPerson = sso.Idp.NextPerson with { Groups = Auditors };
        using var moved = sso.NewClient();
        Assert.Equal("/orgs", (await moved.SignInThroughProviderAsync()).Final.AbsolutePath);
        Assert.Equal(OrganizationRole.Auditor, (await sso.MembershipAsync(sso.Client, user.Id))?.Role);
        Assert.Contains(await sso.TrailAsync(sso.Client), e => e.EntityType == nameof(Membership) && e.Changes.Contains("Auditor", StringComparison.Ordinal) && e.Actor == "sso:" + Provider);

        // Out of every mapped group: the mapped membership goes, and the trail says so.
        sso.Idp.NextPerson = sso.Idp.NextPerson with { Groups = [] };
        using var third = sso.NewClient();
        Assert.Equal("/orgs", (await third.SignInThroughProviderAsync()).Final.AbsolutePath);
        Assert.Null(await sso.MembershipAsync(sso.Client, user.Id));
        Assert.Contains(await sso.TrailAsync(sso.Client), e => e.Changes.Contains(SecurityEventKinds.RoleRemovedByMapping, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_concurrent_first_sign_ins_of_one_new_person_both_succeed_with_one_account(DatabaseProvider database)
    {
        await using var sso = await SsoSetup.StartAsync(database);
        sso.Idp.NextPerson = new TestPerson("subject-race", "racer@a.example", true, Managers);
        using var first = sso.NewClient();
        using var second = sso.NewClient();

        var visits = await Task.WhenAll(first.SignInThroughProviderAsync(), second.SignInThroughProviderAsync());

        Assert.All(visits, v => Assert.Equal("/orgs", v.Final.AbsolutePath));
        Assert.Equal(1, await sso.CountUsersAsync("racer@a.example"));
        Assert.Equal(1, await sso.CountLoginsAsync());
        var user = await sso.UserAsync("racer@a.example");
        Assert.Equal(OrganizationRole.Manager, (await sso.MembershipAsync(sso.Client, user!.Id))?.Role);
    }

    [Fact]
    public async Task Signing_out_of_a_provider_session_signs_out_at_the_provider_and_comes_back_signed_out()
    {
        await using var sso = await SsoSetup.StartAsync();
        sso.Idp.NextPerson = new TestPerson("subject-out", "new.person@a.example", true, Managers);
        using var client = sso.NewClient();
        Assert.Equal("/orgs", (await client.SignInThroughProviderAsync()).Final.AbsolutePath);

        // Every page carries the sign-out form; for this session its answer may lead to the provider.
        var (page, csp) = await client.PageAsync("/orgs");
        Assert.Contains("form-action 'self' " + sso.Idp.Authority.TrimEnd('/'), csp, StringComparison.Ordinal);

        var visit = await client.SignOutAsync(page);

        Assert.Equal("/signin", visit.Final.AbsolutePath);
        Assert.Equal("?signedOut=1", visit.Final.Query);
        Assert.Contains("You are signed out.", visit.Body, StringComparison.Ordinal);
        Assert.Contains(visit.Visited, u => u.AbsoluteUri.StartsWith(sso.Idp.Authority + "connect/endsession", StringComparison.Ordinal));
        var ended = Assert.Single(sso.Idp.EndSessions);
        Assert.Equal(TestIdentityProvider.ClientId, ended.ClientId);
        Assert.Equal(sso.BaseUrl + $"/signin/sso/{Provider}/signed-out", ended.PostLogoutRedirectUri);
        Assert.Null(ended.IdTokenHint);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/orgs")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_of_a_passphrase_session_or_where_the_provider_is_not_to_be_signed_out_of_stays_at_Harmonia()
    {
        await using (var sso = await SsoSetup.StartAsync())
        {
            using var owner = sso.NewClient();
            Assert.Equal(HttpStatusCode.Redirect, (await owner.PasswordSignInAsync("client.owner@a.example")).StatusCode);
            var (page, csp) = await owner.PageAsync("/orgs");
            Assert.DoesNotContain(sso.Idp.Authority.TrimEnd('/'), csp, StringComparison.Ordinal);

            var visit = await owner.SignOutAsync(page);

            Assert.Equal("/signin", visit.Final.AbsolutePath);
            Assert.Contains("You are signed out.", visit.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(visit.Visited, u => u.AbsoluteUri.StartsWith(sso.Idp.Authority, StringComparison.Ordinal));
            Assert.Empty(sso.Idp.EndSessions);
            Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/orgs")).StatusCode);
        }

        await using var local = await SsoSetup.StartAsync(extra: new Dictionary<string, string>(StringComparer.Ordinal) { [$"Authentication:Oidc:Providers:{Provider}:SignOutAtProvider"] = "false" });
        local.Idp.NextPerson = new TestPerson("subject-local", "new.person@a.example", true, Managers);
        using var client = local.NewClient();
        Assert.Equal("/orgs", (await client.SignInThroughProviderAsync()).Final.AbsolutePath);
        var signedOut = await client.SignOutAsync((await client.PageAsync("/orgs")).Html);
        Assert.Equal("/signin", signedOut.Final.AbsolutePath);
        Assert.Empty(local.Idp.EndSessions);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/orgs")).StatusCode);
    }

    [Fact]
    public async Task Groups_the_provider_gives_only_from_user_info_map_a_role_when_the_provider_is_set_to_read_them()
    {
        // Not set: the identity token has no groups, the user-info endpoint is not asked, no role.
        await using (var plain = await SsoSetup.StartAsync())
        {
            plain.Idp.GroupsInUserInfoOnly = true;
            plain.Idp.NextPerson = new TestPerson("subject-info", "new.person@a.example", true, Managers);
            using var client = plain.NewClient();
            Assert.Equal("/orgs", (await client.SignInThroughProviderAsync()).Final.AbsolutePath);
            var user = await plain.UserAsync("new.person@a.example");
            Assert.Null(await plain.MembershipAsync(plain.Client, user!.Id));
            Assert.Equal(0, plain.Idp.UserInfoRequests);
        }

        await using var sso = await SsoSetup.StartAsync(extra: new Dictionary<string, string>(StringComparer.Ordinal) { [$"Authentication:Oidc:Providers:{Provider}:GroupsFromUserInfo"] = "true" });
        sso.Idp.GroupsInUserInfoOnly = true;
        sso.Idp.NextPerson = new TestPerson("subject-info", "new.person@a.example", true, Managers);
        using var reader = sso.NewClient();

        Assert.Equal("/orgs", (await reader.SignInThroughProviderAsync()).Final.AbsolutePath);

        var member = await sso.UserAsync("new.person@a.example");
        Assert.Equal(OrganizationRole.Manager, (await sso.MembershipAsync(sso.Client, member!.Id))?.Role);
        Assert.Equal(1, sso.Idp.UserInfoRequests);

        // The groups there change like any others: none any more, the mapped membership goes.
        sso.Idp.NextPerson = sso.Idp.NextPerson with { Groups = [] };
        using var again = sso.NewClient();
        Assert.Equal("/orgs", (await again.SignInThroughProviderAsync()).Final.AbsolutePath);
        Assert.Null(await sso.MembershipAsync(sso.Client, member.Id));
    }

    [Fact]
    public async Task An_address_outside_the_allowed_domains_is_refused_and_no_account_is_made()
    {
        await using var sso = await SsoSetup.StartAsync();
        sso.Idp.NextPerson = new TestPerson("subject-2", "someone@elsewhere.example", true, Managers);
        using var client = sso.NewClient();

        var visit = await client.SignInThroughProviderAsync();

        Assert.Equal("/signin/refused", visit.Final.AbsolutePath);
        Assert.Equal("?reason=domain", visit.Final.Query);
        Assert.Contains("not in a domain this installation accepts", visit.Body, StringComparison.Ordinal);
        Assert.Equal(0, await sso.CountUsersAsync("someone@elsewhere.example"));
        Assert.Equal(0, await sso.CountLoginsAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/orgs")).StatusCode);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_existing_account_is_linked_only_when_the_provider_verified_the_address(DatabaseProvider database)
    {
        await using var sso = await SsoSetup.StartAsync(database);
        var viewer = await sso.UserAsync("viewer@a.example");

        sso.Idp.NextPerson = new TestPerson("subject-3", "viewer@a.example", false, Managers);
        using (var unverified = sso.NewClient())
        {
            var refused = await unverified.SignInThroughProviderAsync();
            Assert.Equal("?reason=unverified", refused.Final.Query);
        }

        Assert.Equal(0, await sso.CountLoginsAsync());

        sso.Idp.NextPerson = sso.Idp.NextPerson with { EmailVerified = true };
        using var verified = sso.NewClient();
        Assert.Equal("/orgs", (await verified.SignInThroughProviderAsync()).Final.AbsolutePath);
        Assert.Equal(1, await sso.CountLoginsAsync());
        Assert.Equal(1, await sso.CountUsersAsync("viewer@a.example"));
        var kinds = await sso.Host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().AccountSecurityEvents.Where(e => e.UserId == viewer!.Id).Select(e => e.Kind).ToListAsync());
        Assert.Contains(SecurityEventKinds.SignInLinked, kinds);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        await using var sso = await SsoSetup.StartAsync();
        sso.Idp.WrongIssuer = true;
        sso.Idp.NextPerson = new TestPerson("subject-4", "new.person@a.example", true, Managers);
        using var client = sso.NewClient();

        var visit = await client.SignInThroughProviderAsync();

        Assert.Equal("/signin/refused", visit.Final.AbsolutePath);
        Assert.Equal("?reason=failed", visit.Final.Query);
        Assert.Equal(0, await sso.CountUsersAsync("new.person@a.example"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/orgs")).StatusCode);
        Assert.True(sso.Failed("issuer"), string.Join("\n", sso.Failures));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        await using var sso = await SsoSetup.StartAsync();

        // Issued half an hour ago by the provider's clock: the 20-minute identity token expired beyond the 5-minute skew.
        sso.Idp.Clock.Shift = TimeSpan.FromMinutes(-30);
        sso.Idp.NextPerson = new TestPerson("subject-5", "new.person@a.example", true, Managers);
        using var client = sso.NewClient();

        var visit = await client.SignInThroughProviderAsync();

        Assert.Equal("?reason=failed", visit.Final.Query);
        Assert.Equal(0, await sso.CountUsersAsync("new.person@a.example"));
        Assert.True(sso.Failed("expired"), string.Join("\n", sso.Failures));
    }

    [Fact]
    public async Task The_same_callback_sent_twice_is_refused_the_second_time()
    {
        await using var sso = await SsoSetup.StartAsync();
        sso.Idp.NextPerson = new TestPerson("subject-6", "new.person@a.example", true, Managers);
        using var client = sso.NewClient();
        var first = await client.SignInThroughProviderAsync();
        Assert.Equal("/orgs", first.Final.AbsolutePath);
        var callback = first.Visited.Single(u => u.AbsolutePath == $"/signin/sso/{Provider}/callback");

        // The same browser, cookies and all, and a browser that never started a sign-in: both refused.
        var replayed = await client.FollowAsync(callback);
        Assert.Equal("/signin/refused", replayed.Final.AbsolutePath);
        using var stranger = sso.NewClient();
        var foreign = await stranger.FollowAsync(callback);
        Assert.Equal("/signin/refused", foreign.Final.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/orgs")).StatusCode);
        Assert.True(sso.Failed("correlation"), string.Join("\n", sso.Failures));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Owner_comes_only_from_an_explicit_mapping(DatabaseProvider database)
    {
        // In the client organization only managers are mapped; in the second one owners are mapped explicitly.
        var second = Guid.CreateVersion7();
        await using var sso = await SsoSetup.StartAsync(database, extra: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"Authentication:Oidc:Providers:{Provider}:RoleMappings:1:Organization"] = second.ToString(),
            [$"Authentication:Oidc:Providers:{Provider}:RoleMappings:1:Group"] = "harmonia-owners",
            [$"Authentication:Oidc:Providers:{Provider}:RoleMappings:1:Role"] = "Owner",
            [$"Authentication:Oidc:Providers:{Provider}:RoleMappings:2:Organization"] = second.ToString(),
            [$"Authentication:Oidc:Providers:{Provider}:RoleMappings:2:Group"] = "everyone",
            [$"Authentication:Oidc:Providers:{Provider}:RoleMappings:2:Role"] = "Viewer",
        });
        await sso.NewOrganizationAsync(second, "Second Client Ltd");
        sso.Idp.NextPerson = new TestPerson("subject-7", "boss@a.example", true, OwnersAndManagers);
        using var client = sso.NewClient();

        Assert.Equal("/orgs", (await client.SignInThroughProviderAsync()).Final.AbsolutePath);

        var user = await sso.UserAsync("boss@a.example");
        Assert.Equal(OrganizationRole.Manager, (await sso.MembershipAsync(sso.Client, user!.Id))?.Role);
        Assert.Equal(OrganizationRole.Owner, (await sso.MembershipAsync(second, user.Id))?.Role);

        // Organization A is mapped by nobody: no membership there, whatever the groups.
        Assert.Null(await sso.MembershipAsync(sso.Host.OrganizationA, user.Id));
        Assert.Equal(OrganizationRole.Manager, GroupRoles.For(sso.Client, [new GroupRoleMapping(sso.Client, "harmonia-managers", OrganizationRole.Manager)], OwnersAndManagers));
        Assert.Null(GroupRoles.For(sso.Client, [], OwnersAndManagers));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_session_through_a_provider_tied_to_one_organization_opens_only_that_one(DatabaseProvider database)
    {
        await using var sso = await SsoSetup.StartAsync(database, extra: new Dictionary<string, string>(StringComparer.Ordinal) { [$"Authentication:Oidc:Providers:{Provider}:Organization"] = "CLIENT" });
        sso.Idp.NextPerson = new TestPerson("subject-9", "viewer@a.example", true, Managers);
        using var client = sso.NewClient();

        Assert.Equal("/orgs", (await client.SignInThroughProviderAsync()).Final.AbsolutePath);

        // A member of organization A by invitation, but this session came through the client's own provider.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/orgs/{sso.Client}/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/orgs/{sso.Host.OrganizationA}/settings")).StatusCode);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task With_local_passphrases_off_members_must_use_the_provider_and_each_Owner_break_glass_is_in_the_trail(DatabaseProvider database)
    {
        await using var sso = await SsoSetup.StartAsync(database);
        await sso.Host.WithScopeAsync(s => s.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(sso.Client, "contributor@a.example", OrganizationRole.Contributor)));

        using var owner = sso.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PasswordSignInAsync("client.owner@a.example")).StatusCode);
        var settings = await owner.GetStringAsync($"/orgs/{sso.Client}/settings");
        Assert.Contains("Require sign-in through the identity provider", settings, StringComparison.Ordinal);
        using (var off = await owner.PostFormAsync($"/orgs/{sso.Client}/settings/sign-in", settings, new() { ["passwords"] = "off" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        Assert.Contains(await sso.TrailAsync(sso.Client), e => e.EntityType == nameof(Organization) && e.Changes.Contains(nameof(Organization.LocalPasswordsOff), StringComparison.Ordinal));
        Assert.Contains(await sso.TrailAsync(sso.Client), e => e.Changes.Contains(SecurityEventKinds.LocalPasswordsOff, StringComparison.Ordinal));

        // A contributor with a passphrase is sent to the provider; organization A (passphrases on) still opens.
        using var contributor = sso.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await contributor.PasswordSignInAsync("contributor@a.example")).StatusCode);
        var refused = await contributor.FollowAsync(new Uri(sso.BaseUrl + $"/orgs/{sso.Client}/settings"));
        Assert.Equal("/signin/refused", refused.Final.AbsolutePath);
        Assert.Equal("?reason=passwords-off", refused.Final.Query);
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync($"/orgs/{sso.Host.OrganizationA}/settings")).StatusCode);

        // The Owner's passphrase still opens it (break-glass), and each such sign-in is in the trail.
        var before = (await sso.TrailAsync(sso.Client)).Count(e => e.Changes.Contains(SecurityEventKinds.BreakGlassSignIn, StringComparison.Ordinal));
        using var glass = sso.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await glass.PasswordSignInAsync("client.owner@a.example")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await glass.GetAsync($"/orgs/{sso.Client}/settings")).StatusCode);
        var after = (await sso.TrailAsync(sso.Client)).Count(e => e.Changes.Contains(SecurityEventKinds.BreakGlassSignIn, StringComparison.Ordinal));
        Assert.Equal(before + 1, after);

        // Through the provider, the contributor opens the organization.
        sso.Idp.NextPerson = new TestPerson("subject-8", "contributor@a.example", true);
        using var viaProvider = sso.NewClient();
        Assert.Equal("/orgs", (await viaProvider.SignInThroughProviderAsync()).Final.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await viaProvider.GetAsync($"/orgs/{sso.Client}/settings")).StatusCode);
    }
}

/// <summary>
/// A test provider and the web app configured for it (provider "corp", domain a.example, group harmonia-managers mapped
/// to Manager in a client organization created with a known id, whose Owner is client.owner@a.example).
/// </summary>
internal sealed class SsoSetup : IAsyncDisposable
{
    private readonly Security.Asvs.LogCollector _logs;

    private SsoSetup(TestIdentityProvider idp, ApiHost host, Guid client, Security.Asvs.LogCollector logs)
    {
        Idp = idp;
        Host = host;
        Client = client;
        _logs = logs;
    }

    /// <summary>What the app logged about failed provider sign-ins (the handler's reason).</summary>
    public IEnumerable<string> Failures => _logs.Entries.Where(e => e.Message.StartsWith("Single sign-on through", StringComparison.Ordinal)).Select(e => e.Message);

    public bool Failed(string reason) => Failures.Any(m => m.Contains(reason, StringComparison.OrdinalIgnoreCase));

    public TestIdentityProvider Idp { get; }

    public ApiHost Host { get; }

    /// <summary>The client organization the provider's mapping speaks for.</summary>
    public Guid Client { get; }

    public string BaseUrl => Host.BaseUrl!;

    public static async Task<SsoSetup> StartAsync(DatabaseProvider database = DatabaseProvider.Sqlite, IReadOnlyDictionary<string, string>? extra = null)
    {
        var idp = await TestIdentityProvider.StartAsync();
        var client = Guid.CreateVersion7();
        var settings = idp.Settings("corp", "Example Corp", "a.example");
        settings["Authentication:Oidc:Providers:corp:RoleMappings:0:Organization"] = client.ToString();
        settings["Authentication:Oidc:Providers:corp:RoleMappings:0:Group"] = "harmonia-managers";
        settings["Authentication:Oidc:Providers:corp:RoleMappings:0:Role"] = "Manager";
        settings["Authentication:Oidc:Providers:corp:RoleMappings:3:Organization"] = client.ToString();
        settings["Authentication:Oidc:Providers:corp:RoleMappings:3:Group"] = "harmonia-auditors";
        settings["Authentication:Oidc:Providers:corp:RoleMappings:3:Role"] = "Auditor";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value == "CLIENT" ? client.ToString() : value;
        }

        var port = BrowserSupport.FreePort();
        settings["Urls"] = $"http://127.0.0.1:{port}";
        var logs = new Security.Asvs.LogCollector();
        var host = await ApiHost.StartAsync(database, settings, kestrelPort: port, services: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        var setup = new SsoSetup(idp, host, client, logs);
        await setup.NewOrganizationAsync(client, "Client Ltd");
        await host.WithScopeAsync(s => s.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest("client.owner@a.example", "a long enough passphrase")));
        await host.WithScopeAsync(s => s.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(client, "client.owner@a.example", OrganizationRole.Owner)));
        return setup;
    }

    public SsoClient NewClient() => new(BaseUrl);

    public Task<int> NewOrganizationAsync(Guid id, string name) => Host.WithScopeAsync(s =>
    {
        var db = s.GetRequiredService<HarmoniaDbContext>();
        db.Organizations.Add(new Organization { Id = id, Name = name, CreatedUtc = DateTime.UtcNow });
        return db.SaveChangesAsync();
    });

    public Task<HarmoniaUser?> UserAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        return Host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized));
    }

    public Task<int> CountUsersAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        return Host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Users.CountAsync(u => u.NormalizedEmail == normalized));
    }

    public Task<int> CountLoginsAsync() => Host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Set<IdentityUserLogin<Guid>>().CountAsync());

    public Task<Membership?> MembershipAsync(Guid organization, Guid user) => Host.WithScopeAsync(s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        return s.GetRequiredService<HarmoniaDbContext>().Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == user);
    });

    public Task<List<App.Features.AuditTrail.AuditEvent>> TrailAsync(Guid organization) => Host.WithScopeAsync(s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        return s.GetRequiredService<HarmoniaDbContext>().AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    });

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Idp.DisposeAsync();
    }
}

/// <summary>A browser-like client: keeps cookies for every host, follows each redirect itself and remembers where it went.</summary>
internal sealed class SsoClient(string baseUrl) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };

    public sealed record Visit(Uri Final, IReadOnlyList<Uri> Visited, string Body);

    /// <summary>Presses "Sign in with Example Corp" on the sign-in page and follows the provider's round trip to its end.</summary>
    public async Task<Visit> SignInThroughProviderAsync(string provider = "corp")
    {
        var page = await GetStringAsync("/signin");
        Assert.Contains("Sign in with Example Corp", page, StringComparison.Ordinal);
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = ApiHost.HiddenFields(page)["__RequestVerificationToken"] };
        using var post = await _http.PostAsync(new Uri($"/signin/sso/{provider}", UriKind.Relative), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        return await FollowAsync(new Uri(_http.BaseAddress!, post.Headers.Location!));
    }

    /// <summary>GETs the address and every redirect after it.</summary>
    public async Task<Visit> FollowAsync(Uri start)
    {
        var visited = new List<Uri>();
        var next = start;
        for (var hop = 0; hop < 12; hop++)
        {
            visited.Add(next);
            using var response = await _http.GetAsync(next);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect)
            {
                next = new Uri(next, response.Headers.Location!);
                continue;
            }

            return new Visit(next, visited, await response.Content.ReadAsStringAsync());
        }

        throw new InvalidOperationException("Too many redirects: " + string.Join(" -> ", visited));
    }

    public async Task<HttpResponseMessage> PasswordSignInAsync(string email, string passphrase = "a long enough passphrase")
    {
        var form = ApiHost.HiddenFields(await GetStringAsync("/signin"));
        form["Input.Email"] = email;
        form["Input.Password"] = passphrase;
        return await _http.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(form));
    }

    /// <summary>A page's HTML and its Content-Security-Policy header.</summary>
    public async Task<(string Html, string Csp)> PageAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
    }

    /// <summary>Presses "Sign out" on a page and follows every redirect after it.</summary>
    public async Task<Visit> SignOutAsync(string pageHtml)
    {
        using var post = await PostFormAsync("/signout", pageHtml, []);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        return await FollowAsync(new Uri(_http.BaseAddress!, post.Headers.Location!));
    }

    public async Task<HttpResponseMessage> GetAsync(string url) => await _http.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<string> GetStringAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a plain form with the antiforgery token of the page's HTML.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string pageHtml, Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = ApiHost.HiddenFields(pageHtml)["__RequestVerificationToken"] };
        return await _http.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The button path in a real browser (Chromium, every page checked by axe-core): sign-in page, provider, back signed in.</summary>
public sealed class SingleSignOnBrowserTests
{
    private static readonly string[] Managers = ["harmonia-managers"];

    [Fact]
    public async Task The_sign_in_button_signs_a_person_in_through_the_provider()
    {
        await using var sso = await SsoSetup.StartAsync();
        sso.Idp.NextPerson = new TestPerson("subject-browser", "new.person@a.example", true, Managers);
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await BrowserSupport.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });

        await page.GotoAsync(sso.BaseUrl + "/signin");
        await BrowserSupport.Shot(page, "70-sign-in-with-provider");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in with Example Corp" }).ClickAsync();
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        Assert.Equal(sso.BaseUrl + "/orgs", page.Url);
        Assert.Contains("Client Ltd", await page.ContentAsync(), StringComparison.Ordinal);

        // Sign out: the form's answer leads through the provider's end-session endpoint (the page's CSP allows it) and back.
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(sso.BaseUrl + "/signin?signedOut=1");
        Assert.Single(sso.Idp.EndSessions);
        await BrowserSupport.Shot(page, "72-signed-out-at-provider");
        Assert.Contains("You are signed out.", await page.ContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync(sso.BaseUrl + "/signin/refused?reason=domain");
        await BrowserSupport.Shot(page, "71-sign-in-refused");
        Assert.Equal("Sign-in refused", await page.Locator("h1").InnerTextAsync());
    }
}

/// <summary>The Owner's read-only view of the organization's single sign-on setup (ADR 0034), in a real browser with axe.</summary>
public sealed class SingleSignOnSetupPageTests
{
    [Fact]
    public async Task The_Owner_sees_the_providers_domains_and_mapping_that_apply_here_and_never_the_secret()
    {
        // A second provider, tied to another organization, neither opens nor maps anything here.
        var elsewhere = Guid.CreateVersion7();
        var extra = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Authentication:Oidc:Providers:other:DisplayName"] = "Other Client Login",
            ["Authentication:Oidc:Providers:other:Authority"] = "http://127.0.0.1:1/",
            ["Authentication:Oidc:Providers:other:RequireHttpsMetadata"] = "false",
            ["Authentication:Oidc:Providers:other:ClientId"] = "other-client",
            ["Authentication:Oidc:Providers:other:ClientSecret"] = "the other secret",
            ["Authentication:Oidc:Providers:other:AllowedDomains"] = "other.example",
            ["Authentication:Oidc:Providers:other:Organization"] = elsewhere.ToString(),
            ["Authentication:Oidc:Providers:other:RoleMappings:0:Group"] = "other-owners",
            ["Authentication:Oidc:Providers:other:RoleMappings:0:Role"] = "Owner",
        };
        await using var sso = await SsoSetup.StartAsync(extra: extra);
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await BrowserSupport.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(sso.BaseUrl + "/signin");
        await page.GetByLabel("E-mail address").FillAsync("client.owner@a.example");
        await page.GetByLabel("Passphrase").FillAsync("a long enough passphrase");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Your organizations" }).WaitForAsync();

        await page.GotoAsync($"{sso.BaseUrl}/orgs/{sso.Client}/settings");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Single sign-on setup" }).ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Single sign-on", Exact = true }).WaitForAsync();
        await BrowserSupport.Shot(page, "73-single-sign-on-setup");

        var text = await page.Locator("main").InnerTextAsync();
        Assert.Equal("Single sign-on", await page.Locator(".crumbs [aria-current=page]").InnerTextAsync());
        Assert.Contains("set by the administrator of this Harmonia installation", text, StringComparison.Ordinal);
        Assert.Contains("On: members may sign in with their passphrase", text, StringComparison.Ordinal);
        var providers = await page.Locator("table").First.InnerTextAsync();
        Assert.Contains("Example Corp", providers, StringComparison.Ordinal);
        Assert.Contains("a.example", providers, StringComparison.Ordinal);
        Assert.DoesNotContain("Other Client Login", text, StringComparison.Ordinal);
        var mapping = await page.Locator("table").Nth(1).InnerTextAsync();
        Assert.Contains("harmonia-managers\tManager", mapping, StringComparison.Ordinal);
        Assert.Contains("harmonia-auditors\tAuditor", mapping, StringComparison.Ordinal);
        Assert.DoesNotContain("other-owners", mapping, StringComparison.Ordinal);
        var html = await page.ContentAsync();
        Assert.DoesNotContain(TestIdentityProvider.ClientSecret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("the other secret", html, StringComparison.Ordinal);

        // A Manager of the same organization may not see it; nor may the Owner of another organization.
        await sso.Host.WithScopeAsync(s => s.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(sso.Client, "manager@a.example", OrganizationRole.Manager)));
        using var manager = sso.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PasswordSignInAsync("manager@a.example")).StatusCode);
        using (var refused = await manager.GetAsync($"/orgs/{sso.Client}/settings/single-sign-on"))
        {
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/forbidden", StringComparison.Ordinal) == true, $"{refused.StatusCode} {refused.Headers.Location}");
        }

        using var owner = sso.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PasswordSignInAsync("owner@a.example")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/orgs/{sso.Host.OrganizationA}/settings/single-sign-on")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/orgs/{sso.Client}/settings/single-sign-on")).StatusCode);
    }
}
