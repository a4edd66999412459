using Harmonia.App;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Documents;
using Harmonia.App.Persistence;
using Harmonia.Web.Components;
using Harmonia.Web.Features.Accounts;
using Harmonia.Web.Features.AiSystems;
using Harmonia.Web.Features.Audits;
using Harmonia.Web.Features.AuditTrail;
using Harmonia.Web.Features.Catalogs;
using Harmonia.Web.Features.Certification;
using Harmonia.Web.Features.Comments;
using Harmonia.Web.Features.Competence;
using Harmonia.Web.Features.Consistency;
using Harmonia.Web.Features.Controls;
using Harmonia.Web.Features.Documents;
using Harmonia.Web.Features.Evidence;
using Harmonia.Web.Features.Gaps;
using Harmonia.Web.Features.Interop;
using Harmonia.Web.Features.Jobs;
using Harmonia.Web.Features.Objectives;
using Harmonia.Web.Features.Organizations;
using Harmonia.Web.Features.Readiness;
using Harmonia.Web.Features.Reviews;
using Harmonia.Web.Features.Risks;
using Harmonia.Web.Features.Search;
using Harmonia.Web.Features.Soa;
using Harmonia.Web.Features.Suppliers;
using Harmonia.Web.Features.Webhooks;
using Harmonia.Web.Features.Work;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// Serve wwwroot from the build output in every environment, not only Development: without it a Production run
// of an unpublished build answers compressed asset requests with empty bodies.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddSingleton(EvidenceStoreSettings.From(
    builder.Configuration["Evidence:Folder"], builder.Configuration.GetValue<long?>("Evidence:MaxFileBytes"), builder.Configuration.GetValue<long?>("Evidence:MaxBytesPerOrganization")));
builder.Services.AddSingleton(EvidenceStoreChoice.From(key => builder.Configuration[key]));
builder.Services.AddSingleton(builder.Configuration.GetSection("Limits").Get<InputLimits>() ?? InputLimits.Default);
builder.Services.AddSingleton(Harmonia.App.Features.AuditTrail.AuditTrailAnchorSettings.From(builder.Configuration["AuditTrail:AnchorFolder"]));
builder.Services.AddSingleton(TailoringSettings.From(builder.Configuration["Tailoring:Endpoint"], builder.Configuration["Tailoring:Model"], builder.Configuration["Tailoring:ApiKey"]));
var databaseSettings = DatabaseSettings.From(builder.Configuration["Database:Provider"], builder.Configuration.GetConnectionString("Harmonia"));
builder.Services.AddHarmonia(
    databaseSettings,
    KeyEncryptionSettings.From(builder.Configuration["DataProtection:CertificatePath"], builder.Configuration["DataProtection:CertificatePassword"], builder.Configuration["DataProtection:AllowUnprotectedKeys"]));

var hygiene = builder.AddWebHygiene();
builder.AddRequestTimeBudget();
builder.Services.AddHostedService<Harmonia.Web.Features.Evidence.EvidenceSweepService>();
builder.Services.AddSingleton<StartupWarmUp>();
builder.Services.AddHostedService(s => s.GetRequiredService<StartupWarmUp>());
builder.Services.AddJobWorker(builder.Configuration);
builder.Services.AddWebhooks(builder.Configuration);
Harmonia.Web.Features.Work.Scheduling.AddHarmoniaScheduler(builder.Services, builder.Configuration, databaseSettings);
builder.Services.AddRazorComponents();
// The outcome of a form post reaches the next page through the server, never the address (ADR 0023).
builder.Services.AddMemoryCache();
builder.Services.AddHttpContextAccessor();
builder.Services.AddCascadingValue(sp => Harmonia.Web.Platform.FormFlashStore.Current(sp.GetRequiredService<IHttpContextAccessor>().HttpContext));
builder.Services.AddHealthChecks()
    .AddCheck<ContentHealthCheck>("content", tags: [HealthEndpoint.ReadyTag])
    .AddCheck<DatabaseReadyCheck>("database", tags: [HealthEndpoint.ReadyTag])
    .AddCheck<EvidenceStoreReadyCheck>("evidence-store", tags: [HealthEndpoint.ReadyTag])
    .AddCheck<WarmUpReadyCheck>("warm-up", tags: [HealthEndpoint.ReadyTag, HealthEndpoint.WarmTag]);
builder.AddTelemetry();

// Every problem names the request, so a person reporting an error gives support the line to find in the logs.
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["requestId"] = c.HttpContext.TraceIdentifier);
builder.Services.AddExceptionHandler<Problems.ExceptionMapper>();

// Malformed or missing bodies and parameters become exceptions, so they reach the problem-details mapper with their message.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(OpenApiDocumentSetup.Configure);

// Browsers sign in with the Identity cookie; API clients send a personal access token. The default scheme picks
// by the Authorization header, so each endpoint's policy decides which one it accepts.
const string EitherScheme = "CookieOrToken";
var authentication = builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = EitherScheme;
        o.DefaultChallengeScheme = EitherScheme;
    })
    .AddPolicyScheme(EitherScheme, EitherScheme, o => o.ForwardDefaultSelector = context =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal) || context.Request.Path.StartsWithSegments("/api")
            ? AccessTokenAuthentication.Scheme
            : IdentityConstants.ApplicationScheme)
    .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.Scheme, null);
authentication.AddIdentityCookies();

// Single sign-on through the OpenID Connect providers in Authentication:Oidc:Providers (ADR 0034); none by default.
builder.AddHarmoniaSingleSignOn(authentication, hygiene.HttpsOnly);
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/signin";
    o.LogoutPath = "/signout";
    o.AccessDeniedPath = "/forbidden";
    o.Cookie.HttpOnly = true;
    // Behind TLS only, the cookie never travels in clear; otherwise it is secure whenever the request (or the trusted
    // proxy in front of it) used HTTPS.
    o.Cookie.SecurePolicy = hygiene.HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.SlidingExpiration = true;
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
});
new IdentityBuilder(typeof(HarmoniaUser), builder.Services).AddSignInManager<HarmoniaSignInManager>().AddDefaultTokenProviders();
builder.Services.AddHarmoniaSessions(builder.Configuration);
builder.Services.AddSingleton<SetupGate>();
builder.Services.AddSignInRateLimit();
builder.Services.AddAuthorization(options =>
{
    options.AddPagePolicies();
    foreach (var permission in Enum.GetValues<Permission>())
    {
        options.AddPolicy(OrganizationPermissionRequirement.PolicyName(permission), p => p
            .AddAuthenticationSchemes(AccessTokenAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new OrganizationPermissionRequirement(permission)));
    }
});
builder.Services.AddScoped<IAuthorizationHandler, OrganizationAuthorizationHandler>();
builder.Services.AddScoped<Harmonia.Web.Features.Work.OwnersOnPage>();
builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationResults>();

var app = builder.Build();

if (app.Configuration.GetValue("Database:MigrateAtStart", true))
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<MigrateDatabaseHandler>().HandleAsync();
}

KeyEncryption.EnsureKeysReadable(app.Services);

// Uploads killed mid-way leave temporary files behind, and a kill between placing a file and saving its row leaves
// a file no row names; an hour (Evidence:OrphanSweepAfter) is longer than any upload takes on another node.
await Harmonia.Web.Features.Evidence.EvidenceSweepService.SweepOnceAsync(
    app.Services, Harmonia.Web.Features.Evidence.EvidenceSweepService.GracePeriod(app.Configuration), unreferenced: app.Configuration.GetValue("Database:MigrateAtStart", true), CancellationToken.None);

await app.Services.GetRequiredService<SetupGate>().OpenIfNoAccountsAsync(app.Services, app.Configuration["Urls"]?.Split(';')[0] ?? "http://localhost:5080");

app.UseWebHygiene(hygiene);
app.UseExceptionHandler();
app.UseStatusPages();

var singleSignOn = app.Services.GetRequiredService<SingleSignOnProviders>();
app.UseSecurityHeaders(singleSignOn.All.Select(p => p.Origin), context => singleSignOn.ByScheme(SingleSignOn.ProviderOf(context.User)) is { SignOutAtProvider: true } p ? p.Origin : null);
app.UseRateLimiter();
app.UseAuthentication();
app.Use((context, next) =>
{
    // Whoever the request authenticated as is who the audit trail names for every change it makes.
    var actor = context.User.FindFirst(AccessTokenAuthentication.ActorClaim)?.Value
        ?? (context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : null);
    if (actor is not null)
    {
        context.RequestServices.GetRequiredService<AuditActor>().Name = actor;
    }

    return next(context);
});
app.UseAuthorization();
app.UseRequestTimeouts();
app.UseAntiforgery();
Harmonia.Web.Platform.FormFlashStore.UseFormFlash(app);
app.MapStaticAssets();
if (app.Configuration["Bench:StaticFolder"] is { Length: > 0 } benchFolder)
{
    // Only for bench/load/run.sh: serves a copy of an API payload as a plain file, the ceiling the API is compared with.
    app.UseStaticFiles(new StaticFileOptions { FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(benchFolder), RequestPath = "/bench-static" });
}
app.MapHealthEndpoint();
if (hygiene.PublishApiDocs)
{
    app.MapOpenApi("/openapi/{documentName}.json");
    app.MapScalarApiReference("/docs");
}

var api = app.MapGroup("/api");
var organization = api.MapGroup("/orgs/{orgId:guid}");
app.MapOrganizations(api, organization);
app.MapAccounts(api, organization);
app.MapCatalogs(api, organization);
app.MapControls(api, organization);
app.MapEvidence(api, organization);
app.MapGaps(api, organization);
app.MapRisks(api, organization);
app.MapAiSystems(api, organization);
app.MapSoa(api, organization);
app.MapDocuments(api, organization);
app.MapJobs(organization);
app.MapAudits(api, organization);
app.MapReviews(api, organization);
app.MapObjectives(api, organization);
app.MapSearch(api, organization);
app.MapCompetence(api, organization);
app.MapConsistency(api, organization);
app.MapReadiness(api, organization);
app.MapCertification(api, organization);
app.MapAuditTrail(api, organization);
app.MapSuppliers(api, organization);
app.MapWork(api, organization);
app.MapComments(api, organization);
app.MapInterop(api, organization);
app.MapWebhooks(organization);

app.MapRazorComponents<App>();
await app.RunAsync();

/// <summary>Entry point type, public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
