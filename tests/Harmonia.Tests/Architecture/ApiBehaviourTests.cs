using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Architecture;

/// <summary>How the REST API behaves for its clients: concurrency, validation, paging, formats and the audit trail.</summary>
public sealed class ApiBehaviourTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_people_editing_the_same_control_cannot_silently_overwrite_each_other(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var client = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var url = new Uri($"/api/orgs/{host.OrganizationA}/controls/{await host.NewControlAsync(host.OrganizationA)}", UriKind.Relative);

        using var read = await client.GetAsync(url);
        var etag = read.Headers.ETag!.Tag;
        const string Body = """{"key":"K-1","name":"Quarterly access review","status":"implemented","requirements":["iso27001-2022:A.5.18"]}""";

        using var first = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(Body) };
        first.Headers.IfMatch.ParseAdd(etag);
        using var firstResponse = await client.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal("\"2\"", firstResponse.Headers.ETag!.Tag);

        using var second = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(Body.Replace("Quarterly", "Monthly", StringComparison.Ordinal)) };
        second.Headers.IfMatch.ParseAdd(etag);
        using var secondResponse = await client.SendAsync(second);
        Assert.Equal(HttpStatusCode.PreconditionFailed, secondResponse.StatusCode);
        Assert.Contains("changed by someone else", (await ReadAsync(secondResponse)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var blind = await client.PutAsync(url, Json(Body));
        Assert.Equal(HttpStatusCode.PreconditionRequired, blind.StatusCode);

        Assert.Equal("Quarterly access review", (await ReadAsync(await client.GetAsync(url))).GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invalid_input_is_a_validation_problem_per_field_and_changes_nothing(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var client = host.Client(host.TokensA[OrganizationRole.Owner]);
        var controls = new Uri($"/api/orgs/{host.OrganizationA}/controls", UriKind.Relative);
        var before = (await ReadAsync(await client.GetAsync(controls))).GetProperty("total").GetInt32();

        using var response = await client.PostAsync(controls, Json("""{"key":"","name":"X","status":"done","requirements":["iso27001-2022:A.99"]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("key", out _));
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.Contains("iso27001-2022:A.99", errors.GetProperty("requirements")[0].GetString(), StringComparison.Ordinal);

        using var malformed = await client.PostAsync(controls, Json("{ not json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);

        using var duplicate = await client.PostAsync(controls, Json("""{"key":"C-01","name":"Again","status":"planned"}"""));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        Assert.Equal(before, (await ReadAsync(await client.GetAsync(controls))).GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lists_are_paged_and_bad_paging_is_refused(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var client = host.Client(host.TokensA[OrganizationRole.Viewer]);

        var page = await ReadAsync(await client.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls?page=2&pageSize=10", UriKind.Relative)));
        Assert.Equal(10, page.GetProperty("items").GetArrayLength());
        Assert.Equal(43, page.GetProperty("total").GetInt32());
        Assert.Equal(5, page.GetProperty("pages").GetInt32());
        Assert.Equal("C-11", page.GetProperty("items")[0].GetProperty("key").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls?pageSize=5000", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/members?page=0", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_gap_analysis_recomputes_from_the_stored_state(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var client = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var gap = new Uri($"/api/orgs/{host.OrganizationA}/gap/iso42001-2023", UriKind.Relative);
        var before = (await ReadAsync(await client.GetAsync(gap))).GetProperty("headline").GetProperty("clauses").GetProperty("percent").GetDouble();

        using var created = await client.PostAsync(
            new Uri($"/api/orgs/{host.OrganizationA}/controls", UriKind.Relative),
            Json("""{"key":"AI-1","name":"AI system impact assessment procedure","status":"implemented","requirements":["iso42001-2023:6.1.4","iso42001-2023:8.4"]}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var after = await ReadAsync(await client.GetAsync(gap));
        Assert.True(after.GetProperty("headline").GetProperty("clauses").GetProperty("percent").GetDouble() > before);

        var filtered = await ReadAsync(await client.GetAsync(new Uri(gap + "?group=A.5&result=open", UriKind.Relative)));
        Assert.Equal(4, filtered.GetProperty("requirements").GetArrayLength());
        Assert.StartsWith("<!DOCTYPE html>", await client.GetStringAsync(new Uri(gap + "?format=html", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri(gap + "?format=pdf", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/gap/iso9001", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changes_through_the_api_land_in_the_audit_trail_with_the_actor(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var auditor = host.Client(host.TokensA[OrganizationRole.Auditor]);

        using var put = await contributor.PutAsync(
            new Uri($"/api/orgs/{host.OrganizationA}/results/iso42001-2023:A.7.4", UriKind.Relative),
            Json("""{"result":"partially_satisfied","reason":"Quality checks exist for the PD model's training data only."}"""));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var latest = (await ReadAsync(await auditor.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/audit-trail?pageSize=1", UriKind.Relative)))).GetProperty("items")[0];
        Assert.Equal("RequirementResultRecord", latest.GetProperty("entityType").GetString());
        Assert.Equal("created", latest.GetProperty("action").GetString());
        Assert.StartsWith("user:", latest.GetProperty("actor").GetString(), StringComparison.Ordinal);
        Assert.Contains("contributor@a.example", latest.GetProperty("actor").GetString(), StringComparison.Ordinal);
        Assert.True((await ReadAsync(await auditor.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/audit-trail/verify", UriKind.Relative)))).GetProperty("intact").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Organization_files_export_and_import_through_the_api(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var yaml = await owner.GetStringAsync(new Uri($"/api/orgs/{host.OrganizationA}/export", UriKind.Relative));
        Assert.StartsWith("# Harmonia organization file", yaml, StringComparison.Ordinal);

        using var same = await owner.PostAsync(new Uri($"/api/orgs/{host.OrganizationA}/import", UriKind.Relative), new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(0, (await ReadAsync(same)).GetProperty("changes").GetInt32());

        using var broken = await owner.PostAsync(new Uri($"/api/orgs/{host.OrganizationA}/import", UriKind.Relative), new StringContent("organization: [", Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("request body:", (await ReadAsync(broken)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_revoked_token_stops_working(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var tokens = await ReadAsync(await viewer.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/tokens", UriKind.Relative)));
        var own = tokens.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await viewer.DeleteAsync(new Uri($"/api/orgs/{host.OrganizationA}/tokens/{own}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await viewer.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(host.TokensA[OrganizationRole.Viewer], await (await host.Client(host.TokensA[OrganizationRole.Owner]).GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/audit-trail?pageSize=200", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_client()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var client = host.Client(null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Harmonia.Web.Platform.SignInRateLimit.PermitsPerMinute; i++)
        {
            using var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@y.example" }));
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(Harmonia.Web.Platform.SignInRateLimit.PermitsPerMinute));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/signin", UriKind.Relative))).StatusCode);

        // Route variants reach the same handlers, so they share the limit (a trailing slash used to bypass it).
        foreach (var variant in new[] { "/signup/", "/SIGNUP", "/signin/" })
        {
            using var response = await client.PostAsync(new Uri(variant, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@y.example" }));
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
    }

    [Fact]
    public async Task Api_answers_pages_and_downloads_are_never_cached_and_sign_out_needs_the_antiforgery_token()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        foreach (var url in new[] { $"/api/orgs/{host.OrganizationA}/controls", $"/api/orgs/{host.OrganizationA}/export", $"/api/orgs/{host.OrganizationA}/gap/iso27001-2022?format=md" })
        {
            using var response = await owner.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, url);
        }

        using var browser = await host.SignedInAsync("viewer@a.example");
        using (var page = await browser.GetAsync(new Uri($"/orgs/{host.OrganizationA}", UriKind.Relative)))
        {
            Assert.True(page.Headers.CacheControl?.NoStore);
        }

        using (var forged = await browser.PostAsync(new Uri("/signout", UriKind.Relative), new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri($"/orgs/{host.OrganizationA}/controls", UriKind.Relative))).StatusCode);
    }
}
