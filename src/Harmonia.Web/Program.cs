using Harmonia.App;
using Harmonia.Web.Components;
using Harmonia.Web.Features.Health;

var builder = WebApplication.CreateBuilder(args);

// Serve wwwroot from the build output in every environment, not only Development: without it a Production run
// of an unpublished build answers compressed asset requests with empty bodies.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddHarmonia();
builder.Services.AddRazorComponents();
builder.Services.AddHealthChecks().AddCheck<ContentHealthCheck>("content");

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseAntiforgery();
app.MapStaticAssets();
app.MapHealthEndpoint();
app.MapRazorComponents<App>();
app.Run();

/// <summary>Entry point type, public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
