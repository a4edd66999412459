using Harmonia.App;
using Harmonia.App.Accounts;
using Harmonia.App.Features.Platform;
using Harmonia.App.Persistence;
using Harmonia.Web.Components;
using Harmonia.Web.Features.Accounts;
using Harmonia.Web.Features.AuditTrail;
using Harmonia.Web.Features.Catalogs;
using Harmonia.Web.Features.Controls;
using Harmonia.Web.Features.Gaps;
using Harmonia.Web.Features.Health;
using Harmonia.Web.Features.Organizations;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// Serve wwwroot from the build output in every environment, not only Development: without it a Production run
// of an unpublished build answers compressed asset requests with empty bodies.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddHarmonia();
builder.Services.AddHarmoniaPersistence(DatabaseSettings.From(builder.Configuration["Database:Provider"], builder.Configuration.GetConnectionString("Harmonia")));
builder.Services.AddRazorComponents();
builder.Services.AddHealthChecks().AddCheck<ContentHealthCheck>("content");
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<Problems.ExceptionMapper>();

// Malformed or missing bodies and parameters become exceptions, so they reach the problem-details mapper with their message.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi();

builder.Services.AddAuthentication(AccessTokenAuthentication.Scheme)
    .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.Scheme, null);
builder.Services.AddAuthorization(options =>
{
    foreach (var permission in Enum.GetValues<Permission>())
    {
        options.AddPolicy(OrganizationPermissionRequirement.PolicyName(permission), p => p
            .AddAuthenticationSchemes(AccessTokenAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new OrganizationPermissionRequirement(permission)));
    }
});
builder.Services.AddScoped<IAuthorizationHandler, OrganizationAuthorizationHandler>();
builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationResults>();

var app = builder.Build();

if (app.Configuration.GetValue("Database:MigrateAtStart", true))
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<MigrateDatabaseHandler>().HandleAsync();
}

app.UseExceptionHandler();
app.UseStatusCodePages();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseAuthentication();
app.Use((context, next) =>
{
    // Whoever the request authenticated as is who the audit trail names for every change it makes.
    if (context.User.FindFirst(AccessTokenAuthentication.ActorClaim)?.Value is { } actor)
    {
        context.RequestServices.GetRequiredService<AuditActor>().Name = actor;
    }

    return next(context);
});
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapHealthEndpoint();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/docs");

var api = app.MapGroup("/api");
var organization = api.MapGroup("/orgs/{orgId:guid}");
api.MapOrganizationsEndpoints(organization);
api.MapCatalogEndpoints();
organization.MapControlsEndpoints();
organization.MapResultsEndpoints();
organization.MapGapEndpoints();
organization.MapAuditTrailEndpoints();
organization.MapMembersEndpoints();

app.MapRazorComponents<App>();
await app.RunAsync();

/// <summary>Entry point type, public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
