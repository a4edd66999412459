using System.Net;
using Harmonia.App.Features.Accounts;

namespace Harmonia.Tests.Security.Asvs;

/// <summary>
/// OWASP ASVS 5.0 chapter V8, authorization. Function- and data-level checks over every route are the architecture
/// tests (CrossTenantAndRoleTests); this one covers fields.
/// </summary>
public sealed class V8AuthorizationTests
{
    [Fact]
    public async Task V8_2_3_secret_fields_never_leave_the_server_whatever_the_role()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        var owner = host.TokensA[OrganizationRole.Owner];
        var api = $"/api/orgs/{host.OrganizationA}";
        var bodies = new List<string>();
        foreach (var url in new[] { $"{api}/members", $"{api}/tokens", "/api/account/security-log", $"{api}/audit-trail" })
        {
            using var response = await AsvsProbes.SendAsync(client, HttpMethod.Get, url, owner);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        foreach (var body in bodies)
        {
            foreach (var secret in new[] { "passwordHash", "securityStamp", "concurrencyStamp", "tokenHash", "authenticator", AccessTokenFormat.Hash(owner), owner })
            {
                Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
