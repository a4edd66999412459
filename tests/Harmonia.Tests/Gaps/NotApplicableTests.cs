using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Gaps;

/// <summary>
/// DESIGN.md "Gap analysis, precisely" 5: "not applicable" is refused for clause requirements wherever it comes from
/// (organization file through the API, the page and the CLI, the result API, the result form) and for Annex A
/// controls is produced only by an approved Statement of Applicability exclusion, whose version the reason cites.
/// </summary>
public sealed class NotApplicableTests
{
    private const string FileWithNotApplicableClauses = """
        organization:
          name: Shortcut Ltd
          employees: 40
        results:
          - requirement: iso42001-2023:6.1.4
            result: not_applicable
            reason: We do not think impact assessments concern us.
          - requirement: iso42001-2023:8.4
            result: not_applicable
            reason: Same as 6.1.4.
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Not_applicable_on_a_clause_is_refused_by_every_entry_path_and_changes_nothing(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var org = host.OrganizationA;
        var api = $"/api/orgs/{org}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var before = await HeadlineAsync(owner, api);

        // The organization file through the API: both clauses named, nothing imported.
        using (var imported = await owner.PostAsync(new Uri($"{api}/import", UriKind.Relative), new StringContent(FileWithNotApplicableClauses, Encoding.UTF8, "application/yaml")))
        {
            var body = await imported.Content.ReadAsStringAsync();
            Assert.True(imported.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.Equal("application/problem+json", imported.Content.Headers.ContentType?.MediaType);
            Assert.Contains("6.1.4 (", body, StringComparison.Ordinal);
            Assert.Contains("8.4 (", body, StringComparison.Ordinal);
            Assert.Contains("clauses 4 to 10 are mandatory for certification", body, StringComparison.Ordinal);
        }

        // The result API: a clause and an Annex A control, each with its own explanation.
        using (var clause = await owner.PutAsync(new Uri($"{api}/results/iso42001-2023:6.1.4", UriKind.Relative), Json("""{"result":"not_applicable","reason":"No AI impact here."}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, clause.StatusCode);
            var error = JsonDocument.Parse(await clause.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("result")[0].GetString()!;
            Assert.StartsWith("ISO/IEC 42001", error, StringComparison.Ordinal);
            Assert.Contains("6.1.4", error, StringComparison.Ordinal);
            Assert.Contains("can never be not applicable", error, StringComparison.Ordinal);
        }

        using (var control = await owner.PutAsync(new Uri($"{api}/results/iso42001-2023:A.6.2.4", UriKind.Relative), Json("""{"result":"not_applicable","reason":"No models of our own."}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
            Assert.Contains("only when an approved Statement of Applicability excludes it", await control.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The result form on the requirement page shows the refusal.
        using var browser = await host.SignedInAsync("owner@a.example");
        var page = $"/orgs/{org}/requirements/iso42001-2023:8.4";
        var html = await browser.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.DoesNotContain("<option value=\"not_applicable\"", html, StringComparison.Ordinal);
        using (var posted = await browser.PostAsync(new Uri(page + "/result", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ApiHost.HiddenFields(html)["__RequestVerificationToken"],
            ["action"] = "save",
            ["result"] = "not_applicable",
            ["reason"] = "Posted by hand.",
        })))
        {
            Assert.Contains("clauses 4 to 10 are mandatory", await browser.OutcomeAsync(posted), StringComparison.Ordinal);
        }

        // The CLI: importing the file into the database, and a gap analysis straight from the file.
        var path = Path.Combine(Path.GetTempPath(), $"harmonia-na-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, FileWithNotApplicableClauses);
        try
        {
            var import = await CliRun.OnAsync(host.Database, "org", "import", path, "--org", org.ToString());
            Assert.NotEqual(0, import.ExitCode);
            Assert.Contains("6.1.4 (", import.Error, StringComparison.Ordinal);
            var gap = CliRun.Of("gap", "--org", path, "--target", "iso42001-2023");
            Assert.NotEqual(0, gap.ExitCode);
            Assert.Contains("8.4 (", gap.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal(before, await HeadlineAsync(owner, api));
        var stored = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"{api}/results", UriKind.Relative))).RootElement.GetProperty("items");
        Assert.DoesNotContain(stored.EnumerateArray(), r => r.GetProperty("result").GetString() == "not_applicable");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_annex_a_control_is_not_applicable_only_once_an_approved_soa_excludes_it_and_the_row_cites_that_version(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var org = host.OrganizationA;
        var api = $"/api/orgs/{org}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        await host.EnsureSoaAsync(org, "iso42001-2023");
        var excluded = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"{api}/soa/iso42001-2023", UriKind.Relative))).RootElement
            .GetProperty("latest").GetProperty("rows").EnumerateArray().First(r => !r.GetProperty("included").GetBoolean()).GetProperty("requirementId").GetString()!;

        var draft = await RowAsync(owner, api, excluded);
        Assert.NotEqual("not_applicable", draft.GetProperty("result").GetString());

        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync(new Uri($"{api}/soa/iso42001-2023/1/approve", UriKind.Relative), null)).StatusCode);
        var approved = await RowAsync(owner, api, excluded);
        Assert.Equal(("not_applicable", "SoA exclusion"), (approved.GetProperty("result").GetString(), approved.GetProperty("basis").GetString()));
        var reason = approved.GetProperty("reason").GetString()!;
        Assert.Contains("Statement of Applicability v1, approved by", reason, StringComparison.Ordinal);
        Assert.Contains("Outside the scope of the test organization", reason, StringComparison.Ordinal);

        // Clauses are never excluded, so 6.1.4 is still assessed after the approval.
        Assert.NotEqual("not_applicable", (await RowAsync(owner, api, "iso42001-2023:6.1.4")).GetProperty("result").GetString());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<string> HeadlineAsync(HttpClient client, string api) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri($"{api}/gap/iso42001-2023", UriKind.Relative))).RootElement.GetProperty("headline").GetRawText();

    private static async Task<JsonElement> RowAsync(HttpClient client, string api, string requirementId) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri($"{api}/gap/iso42001-2023", UriKind.Relative))).RootElement
            .GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == requirementId);
}
