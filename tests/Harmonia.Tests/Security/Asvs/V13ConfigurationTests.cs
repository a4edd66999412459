using System.Net;

namespace Harmonia.Tests.Security.Asvs;

/// <summary>OWASP ASVS 5.0 chapter V13, configuration: nothing served that was not meant to be.</summary>
public sealed class V13ConfigurationTests
{
    [Theory]
    [InlineData("/.git/config")]
    [InlineData("/.git/HEAD")]
    [InlineData("/.svn/entries")]
    [InlineData("/appsettings.json")]
    [InlineData("/appsettings.Production.json")]
    [InlineData("/Harmonia.Web.dll")]
    [InlineData("/web.config")]
    public async Task V13_4_1_source_control_metadata_and_configuration_are_not_served(string path)
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/_content/")]
    [InlineData("/_framework/")]
    [InlineData("/css/")]
    [InlineData("/wwwroot/")]
    public async Task V13_4_3_folders_are_not_listed(string path)
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Index of", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task V13_4_4_trace_is_not_answered()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var client = host.RawClient();
        foreach (var path in new[] { "/", "/signin", $"/api/orgs/{host.OrganizationA}/controls", "/health" })
        {
            using var response = await AsvsProbes.SendAsync(client, HttpMethod.Trace, path, host.TokensA[Harmonia.App.Features.Accounts.OrganizationRole.Owner], r => r.Headers.Add("X-Probe", "echo-me"));
            Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"TRACE {path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("echo-me", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
