using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Documents;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Gaps;

/// <summary>
/// The API, the gap page's download and the CLI give one report for a stored organization: the published document,
/// the record credit and the open major nonconformity count everywhere (the CLI and the download used to skip them).
/// </summary>
public sealed class OneGapPipelineTests
{
    [Fact]
    public async Task Api_page_export_and_cli_give_byte_identical_json_with_documents_records_and_open_nonconformities()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var org = host.OrganizationA;
        var api = $"/api/orgs/{org}";
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);

        // A published AI policy, a draft 42001 SoA (a record credit for 42001 6.1.3) and an open major nonconformity on 27001 5.2.
        Assert.Equal(HttpStatusCode.OK, (await contributor.PutAsync(new Uri($"{api}/answers", UriKind.Relative), new StringContent(DocumentControlTests.AcmeAnswersJson(), Encoding.UTF8, "application/json"))).StatusCode);
        var document = await host.DocumentAsync(org);
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PostAsync(new Uri($"{api}/documents/{document}/submit", UriKind.Relative), new StringContent("""{"change":"material"}""", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(new Uri($"{api}/documents/{document}/approve", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(new Uri($"{api}/documents/{document}/publish", UriKind.Relative), null)).StatusCode);
        await host.EnsureSoaAsync(org, "iso42001-2023");
        await host.NewNonconformityAsync(org, await host.NewAuditAsync(org));

        using var browser = await host.SignedInAsync("viewer@a.example");
        foreach (var target in new[] { "iso27001-2022", "iso42001-2023" })
        {
            var fromApi = await contributor.GetByteArrayAsync(new Uri($"{api}/gap/{target}?format=json", UriKind.Relative));
            var fromPage = await browser.GetByteArrayAsync(new Uri($"/orgs/{org}/gap/{target}/export?format=json", UriKind.Relative));
            var cli = await CliRun.OnAsync(host.Database, "gap", "--org", org.ToString(), "--target", target, "--format", "json");
            Assert.Equal(0, cli.ExitCode);
            var fromCli = Encoding.UTF8.GetBytes(cli.Out);

            Assert.Equal(Convert.ToHexString(fromApi), Convert.ToHexString(fromPage));
            Assert.Equal(Convert.ToHexString(fromApi), Convert.ToHexString(fromCli));

            var rows = JsonDocument.Parse(fromCli).RootElement.GetProperty("requirements").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
            if (target == "iso27001-2022")
            {
                Assert.Equal("not_satisfied", rows["iso27001-2022:5.2"].GetProperty("result").GetString());
                Assert.Contains("NC-1", rows["iso27001-2022:5.2"].GetProperty("reason").GetString(), StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("Documented in 'AI policy' 1.0 (published)", rows["iso42001-2023:A.2.2"].GetProperty("reason").GetString(), StringComparison.Ordinal);
                Assert.Equal(("records", "partially_satisfied"), (rows["iso42001-2023:6.1.3"].GetProperty("basis").GetString(), rows["iso42001-2023:6.1.3"].GetProperty("result").GetString()));
            }
        }
    }
}
