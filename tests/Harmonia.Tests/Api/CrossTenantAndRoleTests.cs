using System.Net;
using System.Text;
using Harmonia.App.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Persistence;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Api;

/// <summary>
/// Enumerates EVERY registered organization-scoped endpoint and calls it as a member of another organization
/// (404 expected) and as each role of the organization (403 exactly where the role lacks the permission).
/// </summary>
public sealed class CrossTenantAndRoleTests
{
    private sealed record Call(string Method, string Pattern, Permission Permission);

    private static Call[] OrganizationEndpoints(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name == "orgId"))
            .ToArray();
        Assert.NotEmpty(endpoints);
        var calls = new List<Call>();
        foreach (var endpoint in endpoints)
        {
            var permission = endpoint.Metadata.GetMetadata<PermissionMetadata>();
            Assert.True(permission is not null, $"{endpoint.RoutePattern.RawText} carries {{orgId}} but declares no permission (use RequirePermission).");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                calls.Add(new Call(method, endpoint.RoutePattern.RawText!, permission.Permission));
            }
        }

        return calls.OrderBy(c => c.Pattern, StringComparer.Ordinal).ThenBy(c => c.Method, StringComparer.Ordinal).ToArray();
    }

    private static async Task<HttpRequestMessage> RequestAsync(ApiHost host, Call call, Guid organization, Guid user)
    {
        var controlId = await host.NewControlAsync(organization);
        var tokenId = await host.NewTokenAsync(organization, user);
        await host.EnsureResultAsync(organization, "iso27001-2022:A.5.1");
        var url = call.Pattern
            .Replace("{orgId:guid}", organization.ToString(), StringComparison.Ordinal)
            .Replace("{controlId:guid}", controlId.ToString(), StringComparison.Ordinal)
            .Replace("{tokenId:guid}", tokenId.ToString(), StringComparison.Ordinal)
            .Replace("{requirementId}", "iso27001-2022:A.5.1", StringComparison.Ordinal)
            .Replace("{target}", "iso42001-2023", StringComparison.Ordinal);
        Assert.DoesNotContain("{", url, StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(call.Method), url);
        request.Headers.IfMatch.ParseAdd("\"1\"");
        request.Content = (call.Method, call.Pattern.TrimEnd('/').Split('/').Last()) switch
        {
            ("POST", "import") => new StringContent(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "greenfield-startup.yaml")), Encoding.UTF8, "application/yaml"),
            ("POST" or "PUT", "controls" or "{controlId:guid}") => Json($$"""{"key":"N-{{Guid.NewGuid():N}}","name":"New control","status":"implemented","requirements":["iso27001-2022:A.5.1"]}"""),
            ("PUT", "{requirementId}") => Json("""{"result":"satisfied","reason":"Checked in the 2026 internal audit."}"""),
            ("PUT", "members") => Json("""{"email":"viewer@a.example","role":"Viewer"}"""),
            _ => null,
        };
        return request;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_organization_endpoint_answers_404_to_a_member_of_another_organization(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var outsider = host.Client(host.TokenB);
        var calls = OrganizationEndpoints(host.Services);

        foreach (var call in calls)
        {
            using var request = await RequestAsync(host, call, host.OrganizationA, host.UsersA[OrganizationRole.Owner]);
            using var response = await outsider.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{call.Method} {call.Pattern} as another tenant answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.True(calls.Length >= 16, $"only {calls.Length} endpoints found");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_token_for_one_organization_does_not_open_another_even_for_a_member_of_both(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        await host.WithScopeAsync(s => s.GetRequiredService<Harmonia.App.Features.Accounts.AddMemberHandler>()
            .HandleAsync(new(host.OrganizationB, "owner@a.example", OrganizationRole.Owner)));
        using var client = host.Client(host.TokensA[OrganizationRole.Owner]);

        using var response = await client.GetAsync(new Uri($"/api/orgs/{host.OrganizationB}/controls", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_organization_endpoint_checks_the_role_server_side(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var calls = OrganizationEndpoints(host.Services);

        foreach (var role in Enum.GetValues<OrganizationRole>())
        {
            using var client = host.Client(host.TokensA[role]);
            foreach (var call in calls)
            {
                using var request = await RequestAsync(host, call, host.OrganizationA, host.UsersA[role]);
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                if (role.Allows(call.Permission))
                {
                    Assert.True(status is >= 200 and < 300, $"{role}: {call.Method} {call.Pattern} answered {status}: {await response.Content.ReadAsStringAsync()}");
                }
                else
                {
                    Assert.True(status == 403, $"{role}: {call.Method} {call.Pattern} should be forbidden but answered {status}");
                }
            }
        }
    }

    [Fact]
    public async Task Endpoints_outside_an_organization_require_a_token()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = host.Client(null);
        using var bogus = host.Client("hm_not-a-real-token");

        foreach (var url in new[] { "/api/orgs", "/api/catalog/frameworks", $"/api/orgs/{host.OrganizationA}/controls" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await bogus.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
    }
}
