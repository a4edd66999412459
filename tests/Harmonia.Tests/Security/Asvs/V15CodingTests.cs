using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harmonia.Tests.Security.Asvs;

/// <summary>OWASP ASVS 5.0 chapter V15, secure coding: mass assignment and parameter pollution.</summary>
public sealed class V15CodingTests
{
    [Fact]
    public async Task V15_3_3_fields_an_action_does_not_take_cannot_be_set_through_it()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.Client(host.TokensA[OrganizationRole.Manager]);
        var planted = Guid.NewGuid();

        using var created = await client.PostAsJsonAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls", UriKind.Relative), new
        {
            id = planted,
            organizationId = host.OrganizationB,
            version = 999,
            key = "MASS-1",
            name = "Mass assignment probe",
            status = "planned",
            requirements = Array.Empty<string>(),
            createdUtc = "2001-01-01T00:00:00Z",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetGuid();
        Assert.NotEqual(planted, id);
        var stored = await host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<HarmoniaDbContext>();
            return await db.Controls.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).Where(c => c.Key == "MASS-1").Select(c => new { c.Id, c.OrganizationId }).SingleAsync();
        });
        Assert.Equal(id, stored.Id);
        Assert.Equal(host.OrganizationA, stored.OrganizationId);
    }

    [Fact]
    public async Task V15_3_7_a_parameter_given_twice_is_refused_not_guessed()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.Client(host.TokensA[OrganizationRole.Viewer]);

        using var twice = await client.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls?page=1&page=2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);

        using var once = await client.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls?page=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
    }

    [Fact]
    public async Task V15_3_2_the_model_client_does_not_follow_a_redirect_elsewhere()
    {
        var elsewhere = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapPost("/v1/chat/completions", () => Results.Redirect("/elsewhere/v1/chat/completions", permanent: false, preserveMethod: true));
        app.MapPost("/elsewhere/v1/chat/completions", () =>
        {
            Interlocked.Increment(ref elsewhere);
            return Results.Json(new { id = "x", @object = "chat.completion", created = 1, model = "m", choices = new[] { new { index = 0, message = new { role = "assistant", content = "followed" }, finish_reason = "stop" } } });
        });
        await app.StartAsync();

        var client = Harmonia.App.Features.Documents.TailoringSettings.From(app.Urls.First() + "/v1", "m", null).CreateClient()!;

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync("rewrite this"));
        Assert.Equal(0, elsewhere);
        await app.StopAsync();
    }
}
