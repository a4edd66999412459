using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Certification;

/// <summary>Issue 18 items 1 to 3 through the REST API, on both databases.</summary>
public sealed class CertificationApiTests
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task ImportAcmeAsync(HttpClient owner, Guid org)
    {
        using var imported = await owner.PostAsync(Url($"/api/orgs/{org}/import"),
            new StringContent(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-iso27001-certified.yaml")), Encoding.UTF8, "application/yaml"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
    }

    private static double Days(JsonElement estimate, string standard, string phase = "initial") => estimate.GetProperty(standard).GetProperty("days").GetProperty(phase).GetDouble();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Acme_audit_time_comes_from_the_imported_sample_with_every_factor_and_source(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        await ImportAcmeAsync(owner, host.OrganizationA);

        using var response = await owner.GetAsync(Url($"/api/orgs/{host.OrganizationA}/audit-time"));
        var view = await ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
        var inputs = view.GetProperty("inputs");
        Assert.Equal((240, 2), (inputs.GetProperty("personsInScope").GetProperty("value").GetInt32(), inputs.GetProperty("sites").GetProperty("value").GetInt32()));
        Assert.Equal("MultipleRoles", inputs.GetProperty("aiRole").GetProperty("value").GetString());

        // 27001: 240 persons → 14 days, +10 % for Lisbon → 15.4 → 15.5. 42001: no AI headcount recorded, so all 240
        // count: 14 × 6.5 / 5 = 18.2 → 18.5, +10 % for Lisbon and +20 % for the high-risk AI-02 → 24.05 → 24.5.
        // Integrated: 40, no integration level on record yet.
        var estimate = view.GetProperty("estimate");
        Assert.Equal((15.5, 5.5, 10.5), (Days(estimate, "isms"), Days(estimate, "isms", "surveillance"), Days(estimate, "isms", "recertification")));
        Assert.Equal((24.5, 8.5, 16.5), (Days(estimate, "aims"), Days(estimate, "aims", "surveillance"), Days(estimate, "aims", "recertification")));
        Assert.Equal((40.0, 14.0, 27.0), (Days(estimate, "integrated"), Days(estimate, "integrated", "surveillance"), Days(estimate, "integrated", "recertification")));
        Assert.All(estimate.GetProperty("integrated").GetProperty("criteria").EnumerateArray(), c => Assert.False(c.GetProperty("met").GetBoolean()));
        Assert.Contains(estimate.GetProperty("isms").GetProperty("factors").EnumerateArray(), f => f.GetProperty("name").GetString() == "Additional sites" && f.GetProperty("percent").GetDouble() == 10);
        Assert.Equal("2026-12-04", estimate.GetProperty("checked").GetString());
        Assert.Contains("certification body", estimate.GetProperty("caution").GetString(), StringComparison.Ordinal);
        Assert.Contains(estimate.GetProperty("sources").EnumerateArray(), s => !s.GetProperty("verified").GetBoolean());

        // The audit pack carries the same estimate, with its reasons and sources, under the signed manifest.
        using var pack = new System.IO.Compression.ZipArchive(new MemoryStream(await owner.GetByteArrayAsync(Url($"/api/orgs/{host.OrganizationA}/audit-pack.zip"))));
        using var reader = new StreamReader(pack.GetEntry("certification/audit-time.md")!.Open());
        var text = await reader.ReadToEndAsync();
        Assert.Contains("## Integrated audit: 40.0 days initial", text, StringComparison.Ordinal);
        Assert.Contains("verify with your certification body", text, StringComparison.Ordinal);
        using var manifest = new StreamReader(pack.GetEntry("manifest.json")!.Open());
        Assert.Contains("certification/audit-time.md", await manifest.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Overrides_need_if_match_are_checked_change_the_estimate_and_land_in_the_audit_trail(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        await ImportAcmeAsync(owner, host.OrganizationA);
        var url = Url($"/api/orgs/{host.OrganizationA}/audit-time/inputs");
        const string Body = """{"aiPersons":30,"businessComplexity":"high","note":"The body counts the data-science team only."}""";

        using (var blind = await owner.PutAsync(url, Json(Body)))
        {
            Assert.Equal((HttpStatusCode)428, blind.StatusCode);
        }

        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(Body) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        using var saved = await owner.SendAsync(put);
        var view = await ReadAsync(saved, HttpStatusCode.OK);
        Assert.Equal("\"1\"", saved.Headers.ETag?.Tag);

        // 27001: high × medium +50 % and +10 % for the second site → 14 × 1.6 = 22.4 → 22.5.
        // 42001: 30 AI persons → 8.5 × 6.5 / 5 = 11.05 → 11.5, +10 % (site) +20 % (high-risk AI-02) → 14.95 → 15.0.
        var estimate = view.GetProperty("estimate");
        Assert.Equal((22.5, 15.0), (Days(estimate, "isms"), Days(estimate, "aims")));
        Assert.True(view.GetProperty("inputs").GetProperty("aiPersons").GetProperty("overridden").GetBoolean());

        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json("""{"sites":3}""") };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        using (var refused = await owner.SendAsync(stale))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        }

        var bad = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json("""{"sites":0,"aiRole":"boss","personsInScope":10,"identicalLowRiskPersons":11}""") };
        bad.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        using (var invalid = await owner.SendAsync(bad))
        {
            var problem = await ReadAsync(invalid, HttpStatusCode.BadRequest);
            var errors = problem.GetProperty("errors");
            Assert.True(errors.TryGetProperty("sites", out _) && errors.TryGetProperty("aiRole", out _) && errors.TryGetProperty("identicalLowRiskPersons", out _), errors.ToString());
        }

        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var denied = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json("{}") };
        denied.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SendAsync(denied)).StatusCode);

        var trail = await owner.GetStringAsync(Url($"/api/orgs/{host.OrganizationA}/audit-trail?pageSize=200"));
        Assert.Contains("AuditTimeInputsRecord", trail, StringComparison.Ordinal);
        Assert.Contains("The body counts the data-science team only.", trail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Integration_levels_are_derived_from_the_records_and_reduce_the_integrated_audit(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        await ImportAcmeAsync(owner, host.OrganizationA);
        var api = $"/api/orgs/{host.OrganizationA}";

        // One saved methodology rating an information-security and an AI risk, and one management review (its inputs
        // always weigh both systems): two of the four levels.
        var methodology = JsonDocument.Parse(await owner.GetStringAsync(Url($"{api}/risk-methodology"))).RootElement.GetProperty("methodology").GetRawText();
        await ReadAsync(await owner.PutAsync(Url($"{api}/risk-methodology"), Json(methodology)), HttpStatusCode.OK);
        foreach (var category in new[] { "confidentiality", "fairness" })
        {
            await ReadAsync(await owner.PostAsync(Url($"{api}/risks"), Json($$"""{"key":"R-{{category}}","title":"A {{category}} risk","categories":["{{category}}"],"inherentLikelihood":2,"inherentImpact":2,"treatment":"accept","residualLikelihood":2,"residualImpact":2}""")), HttpStatusCode.Created);
        }

        await ReadAsync(await owner.PostAsync(Url($"{api}/management-reviews"), Json($$"""{"heldOn":"{{DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}}","attendees":["CEO"],"decisions":"Run both systems as one.","actions":[]}""")), HttpStatusCode.Created);

        var integrated = (await ReadAsync(await owner.GetAsync(Url($"{api}/audit-time")), HttpStatusCode.OK)).GetProperty("estimate").GetProperty("integrated");
        var met = integrated.GetProperty("criteria").EnumerateArray().Where(c => c.GetProperty("met").GetBoolean()).Select(c => c.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(["integrated-management-review", "one-risk-methodology"], met);
        Assert.Equal(10, integrated.GetProperty("reductionPercent").GetDouble());

        // 15.5 + 24.5 = 40 days, less 10 % → 36.
        Assert.Equal(36.0, integrated.GetProperty("days").GetProperty("initial").GetDouble());
        Assert.Contains("1 information-security and 1 AI risk", integrated.GetProperty("criteria")[3].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_certificate_plans_its_cycle_and_the_body_s_findings_become_nonconformities_with_its_deadlines(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        await host.EnsureSoaAsync(host.OrganizationA, "iso27001-2022");
        const string Certificate = """{"frameworkId":"iso27001-2022","number":"NZ-27001-0815","body":"Nordlicht Zertifizierung GmbH","scope":"RiskLens platform, Berlin and Lisbon","issuedOn":"2026-06-14","expiresOn":"2029-06-13"}""";

        using var created = await owner.PostAsync(Url($"{api}/certificates"), Json(Certificate));
        var certificate = await ReadAsync(created, HttpStatusCode.Created);
        var cycle = certificate.GetProperty("cycle").EnumerateArray().ToArray();
        Assert.Equal(["2027-06-14", "2028-06-14", "2029-03-13"], cycle.Select(a => a.GetProperty("dueBy").GetString()));
        var s1 = cycle[0].GetProperty("controls").GetArrayLength();
        var s2 = cycle[1].GetProperty("controls").GetArrayLength();
        Assert.Equal(s1 + s2, cycle[2].GetProperty("controls").GetArrayLength());
        Assert.True(s1 > 0 && s2 > 0);
        Assert.All(cycle, a => Assert.False(a.GetProperty("prerequisites")[0].GetProperty("done").GetBoolean()));

        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync(Url($"{api}/certificates"), Json(Certificate))).StatusCode);
        var problem = await ReadAsync(await owner.PostAsync(Url($"{api}/certificates"), Json(Certificate.Replace("0815", "0816", StringComparison.Ordinal).Replace("2029-06-13", "2030-06-13", StringComparison.Ordinal))), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("expiresOn", out _));

        var id = certificate.GetProperty("id").GetString();
        var finding = await ReadAsync(await owner.PostAsync(Url($"{api}/certificates/{id}/findings"),
            Json("""{"audit":"surveillance-1","grade":"minor","text":"Two leavers kept access for a month.","requirementIds":["iso27001-2022:A.5.18"],"bodyReference":"NZ-F-3","respondBy":"2027-07-01","closeBy":"2027-09-01"}""")), HttpStatusCode.Created);
        var recorded = finding.GetProperty("findings").EnumerateArray().Single();
        Assert.Equal(("minor", "2027-09-01", "NZ-F-3"), (recorded.GetProperty("grade").GetString(), recorded.GetProperty("closeBy").GetString(), recorded.GetProperty("bodyReference").GetString()));

        var nonconformities = await owner.GetStringAsync(Url($"{api}/nonconformities"));
        Assert.Contains(recorded.GetProperty("nonconformityKey").GetString()!, nonconformities, StringComparison.Ordinal);
        Assert.Contains("certification body Nordlicht Zertifizierung GmbH", nonconformities, StringComparison.Ordinal);

        var wrong = await ReadAsync(await owner.PostAsync(Url($"{api}/certificates/{id}/findings"),
            Json("""{"audit":"stage-3","grade":"minor","text":"x","requirementIds":["iso42001-2023:A.5.2"],"closeBy":"2027-09-01"}""")), HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("audit", out _) && wrong.GetProperty("errors").TryGetProperty("requirementIds", out _));

        var stale = new HttpRequestMessage(HttpMethod.Put, Url($"{api}/certificates/{id}")) { Content = Json(Certificate) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await owner.SendAsync(stale)).StatusCode);

        // Another organization's member cannot read or add to it, even with its id.
        using var outsider = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Url($"/api/orgs/{host.OrganizationB}/certificates/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync(Url($"/api/orgs/{host.OrganizationB}/certificates/{id}/findings"),
            Json("""{"audit":"surveillance-1","grade":"minor","text":"x","requirementIds":["iso27001-2022:A.5.18"],"closeBy":"2027-09-01"}"""))).StatusCode);

        using var browser = await host.SignedInAsync("viewer@a.example");
        var dashboard = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"/orgs/{host.OrganizationA}")));
        Assert.Contains("NZ-27001-0815", dashboard, StringComparison.Ordinal);
        Assert.Contains("expires 2029-06-13", dashboard, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Candidate_bodies_have_a_checklist_and_their_quotes_are_compared_with_the_estimate(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        await ImportAcmeAsync(owner, host.OrganizationA);
        var api = $"/api/orgs/{host.OrganizationA}";
        const string Body = """{"name":"Nordlicht Zertifizierung GmbH","standard":"integrated","accreditationBody":"DAkkS","iafMlaSignatory":true,"accredited":true,"aiCompetentAuditors":false,"integratedAuditOffered":true,"languages":"German, English, Portuguese","coversAllSites":true,"quotedInitialDays":34,"quotedSurveillanceDays":11,"quotedRecertificationDays":22,"quotedPrice":78000,"currency":"eur"}""";

        var body = await ReadAsync(await owner.PostAsync(Url($"{api}/certification-bodies"), Json(Body)), HttpStatusCode.Created);

        // The integrated estimate for acme (one high-risk AI system) is 40 + 2 × 14 + 27 = 95 days; the quote
        // 34 + 2 × 11 + 22 = 78, 17 below (within a fifth of 95 = 19); 78 000 / 78 = 1000 per day.
        var comparison = body.GetProperty("comparison");
        Assert.Equal((78.0, -17.0, 1000.0), (comparison.GetProperty("cycleDays").GetDouble(), comparison.GetProperty("cycleDifference").GetDouble(), comparison.GetProperty("pricePerDay").GetDouble()));
        Assert.Contains("within a fifth", comparison.GetProperty("verdict").GetString(), StringComparison.Ordinal);
        Assert.Equal("EUR", body.GetProperty("currency").GetString());
        var checklist = body.GetProperty("checklist").EnumerateArray().ToArray();
        Assert.Contains(checklist, i => i.GetProperty("question").GetString()!.Contains("ISO/IEC 42006", StringComparison.Ordinal) && i.GetProperty("answer").GetBoolean());
        Assert.Contains(checklist, i => i.GetProperty("question").GetString()!.Contains("AI competence", StringComparison.Ordinal) && !i.GetProperty("answer").GetBoolean());

        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync(Url($"{api}/certification-bodies"), Json(Body))).StatusCode);
        var problem = await ReadAsync(await owner.PostAsync(Url($"{api}/certification-bodies"), Json("""{"name":"Other","standard":"iso9001","quotedInitialDays":4.3}""")), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("standard", out _) && problem.GetProperty("errors").TryGetProperty("quotedInitialDays", out _));
        Assert.Single((await ReadAsync(await owner.GetAsync(Url($"{api}/certification-bodies")), HttpStatusCode.OK)).EnumerateArray());
    }
}
