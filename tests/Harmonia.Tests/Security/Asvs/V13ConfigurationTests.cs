using System.Net;
using System.Text.RegularExpressions;
using Harmonia.Tests.Infrastructure;

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

    [Fact]
    public void V13_2_3_the_shipped_configuration_holds_no_credential()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "appsettings*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var credential = new Regex("(password|pwd|secret|apikey|api_key|token)\\s*[\"=:]", RegexOptions.IgnoreCase);
        Assert.All(files, f => Assert.DoesNotMatch(credential, File.ReadAllText(f)));
    }

    [Fact]
    public void V13_2_4_outbound_connections_go_to_configured_servers_or_to_webhook_addresses_checked_when_connecting()
    {
        var outbound = new Regex(@"\b(HttpClient|HttpClientHandler|SocketsHttpHandler|WebRequest|WebClient|TcpClient|UdpClient|SmtpClient|ChatClient|Dns\.GetHost)\b");
        var callers = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => outbound.IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)
            .ToList();

        // Mail and tailoring go to the operator's configuration (Mail:Host, Tailoring:Endpoint), never to an address from a request.
        // Webhooks are the one client whose address an Owner types: WebhookTransport must keep checking every resolved
        // address against the policy at connect time, refuse redirects and bypass proxies (behaviour in WebhookDeliveryTests).
        Assert.Equal(["MailSender.cs", "TailoringSettings.cs", "WebhookTransport.cs"], callers);
        var webhookTransport = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "WebhookTransport.cs", SearchOption.AllDirectories).Single());
        Assert.Contains("ConnectCallback", webhookTransport, StringComparison.Ordinal);
        Assert.Contains("Addresses.IsAllowed", webhookTransport, StringComparison.Ordinal);
        Assert.Contains("AllowAutoRedirect = false", webhookTransport, StringComparison.Ordinal);
        Assert.Contains("UseProxy = false", webhookTransport, StringComparison.Ordinal);
    }
}
