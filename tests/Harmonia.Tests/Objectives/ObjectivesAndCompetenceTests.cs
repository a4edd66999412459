using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Objectives;

/// <summary>Issue 6: objectives with measurements (6.2, 9.1) and competence (7.2), through the API, the gap analysis and the review inputs.</summary>
public sealed class ObjectivesAndCompetenceTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string[] ErrorFields(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static async Task<(string Result, string Reason)> GapRowAsync(HttpClient client, string api, string framework, string requirement)
    {
        var gap = await ReadAsync(await client.GetAsync(Url($"{api}/gap/{framework}?format=json")));
        var row = gap.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == $"{framework}:{requirement}");
        return (row.GetProperty("result").GetString()!, row.GetProperty("reason").GetString()!);
    }

    private static async Task<IReadOnlyList<string>> ReviewFactsAsync(HttpClient client, string api, string topic)
    {
        var inputs = await ReadAsync(await client.GetAsync(Url($"{api}/management-reviews/inputs")));
        return inputs.EnumerateArray().Single(i => i.GetProperty("topic").GetString() == topic).GetProperty("facts").EnumerateArray().Select(f => f.GetString()!).ToArray();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Measured_objectives_earn_6_2_and_9_1_and_feed_the_management_review(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";

        // Bad input: every missing field named, nothing stored.
        var refused = await ReadAsync(await contributor.PostAsync(Url($"{api}/objectives"), Json("""{"system":"quality","direction":"sideways","target":null}""")), HttpStatusCode.BadRequest);
        Assert.Equal(["direction", "frequency", "measure", "owner", "system", "target", "title"], ErrorFields(refused));
        Assert.Equal(0, (await ReadAsync(await contributor.GetAsync(Url($"{api}/objectives")))).GetProperty("total").GetInt32());

        var cards = await ReadAsync(await contributor.PostAsync(Url($"{api}/objectives"), Json("""
            {"title":"Model cards for every production model","system":"ai","measure":"Share of production models with a reviewed model card, from the model registry","unit":"%","target":90,"direction":"at-least","owner":"AI Governance Lead","frequency":"quarterly"}
            """)), HttpStatusCode.Created);
        var incidents = await ReadAsync(await contributor.PostAsync(Url($"{api}/objectives"), Json("""
            {"title":"Few serious incidents","system":"both","measure":"Security and AI incidents rated serious, from the incident register","target":2,"direction":"AtMost","owner":"CISO","frequency":"monthly","dueOn":"2027-12-31"}
            """)), HttpStatusCode.Created);
        Assert.Equal(("O-1", "O-2"), (cards.GetProperty("key").GetString(), incidents.GetProperty("key").GetString()));
        Assert.Equal("NoMeasurement", cards.GetProperty("standing").GetProperty("status").GetString());
        var cardsUrl = $"{api}/objectives/{cards.GetProperty("id").GetString()}";
        var incidentsUrl = $"{api}/objectives/{incidents.GetProperty("id").GetString()}";

        // Objectives without any measurement earn nothing yet.
        Assert.DoesNotContain("AI objectives", (await GapRowAsync(contributor, api, "iso42001-2023", "6.2")).Reason, StringComparison.Ordinal);

        var badMeasurement = await ReadAsync(await contributor.PostAsync(Url(cardsUrl + "/measurements"), Json($$"""{"measuredOn":"{{Day(5)}}","note":"tomorrow's figure"}""")), HttpStatusCode.BadRequest);
        Assert.Equal(["measuredOn", "value"], ErrorFields(badMeasurement));
        Assert.Empty((await ReadAsync(await contributor.GetAsync(Url(cardsUrl)))).GetProperty("measurements").EnumerateArray());

        await ReadAsync(await contributor.PostAsync(Url(cardsUrl + "/measurements"), Json($$"""{"measuredOn":"{{Day(-100)}}","value":80}""")), HttpStatusCode.Created);
        var measured = await ReadAsync(await contributor.PostAsync(Url(cardsUrl + "/measurements"), Json($$"""{"measuredOn":"{{Day(-10)}}","value":92.5,"note":"Two cards still in review"}""")), HttpStatusCode.Created);
        Assert.Equal("Met", measured.GetProperty("standing").GetProperty("status").GetString());
        Assert.Equal("Improving", measured.GetProperty("standing").GetProperty("trend").GetString());
        Assert.StartsWith("user:contributor@a.example", measured.GetProperty("measurements")[1].GetProperty("recordedBy").GetString(), StringComparison.Ordinal);

        // One AI objective measured, the other (both systems) not: partially, naming the one that lacks a measurement.
        foreach (var clause in new[] { "6.2", "9.1" })
        {
            var (result, reason) = await GapRowAsync(contributor, api, "iso42001-2023", clause);
            Assert.Equal("partially_satisfied", result);
            Assert.Contains("2 AI objectives", reason, StringComparison.Ordinal);
            Assert.Contains("O-2 Few serious incidents (no measurement yet)", reason, StringComparison.Ordinal);
        }

        await ReadAsync(await contributor.PostAsync(Url(incidentsUrl + "/measurements"), Json($$"""{"measuredOn":"{{Day(0)}}","value":3}""")), HttpStatusCode.Created);
        var (satisfied, why) = await GapRowAsync(contributor, api, "iso42001-2023", "9.1");
        Assert.Equal("satisfied", satisfied);
        Assert.StartsWith("2 AI objectives with a measure, target and owner; 1 of them meet", why, StringComparison.Ordinal);

        // The 27001 side: only the objective for both systems counts there (Acme's controls already satisfy it, so read the credit itself).
        var credits = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            return await s.GetRequiredService<ManagementRecordCredits>().HandleAsync();
        });
        var isms = credits.Single(c => c.RequirementId == "iso27001-2022:6.2");
        Assert.Equal(RequirementResult.Satisfied, isms.Result);
        Assert.StartsWith("1 information security objectives", isms.Reason, StringComparison.Ordinal);
        Assert.Contains(credits, c => c.RequirementId == "iso27001-2022:9.1");

        var facts = await ReviewFactsAsync(contributor, api, "Fulfilment of objectives");
        Assert.Equal("2 objectives: 1 met, 1 not met, 0 with no or an overdue measurement.", facts[0]);
        Assert.Contains(facts, f => f.StartsWith("O-1 Model cards for every production model (AI, owner AI Governance Lead): latest 92.5 % on", StringComparison.Ordinal) && f.EndsWith("against a target at least 90 % — met, improving.", StringComparison.Ordinal));
        Assert.Contains(facts, f => f.StartsWith("O-2 Few serious incidents", StringComparison.Ordinal) && f.Contains("not met, first measurement", StringComparison.Ordinal));

        // Updates need the version read; a stale one is refused.
        var body = """{"title":"Model cards for every production model","system":"ai","measure":"From the model registry","unit":"%","target":95,"direction":"at-least","owner":"AI Governance Lead","frequency":"quarterly"}""";
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await contributor.PutAsync(Url(cardsUrl), Json(body))).StatusCode);
        HttpRequestMessage Put(int version)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, Url(cardsUrl)) { Content = Json(body) };
            request.Headers.IfMatch.ParseAdd($"\"{version}\"");
            return request;
        }

        var updated = await ReadAsync(await contributor.SendAsync(Put(1)));
        Assert.Equal((95, 2, "NotMet"), (updated.GetProperty("target").GetDouble(), updated.GetProperty("version").GetInt32(), updated.GetProperty("standing").GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await contributor.SendAsync(Put(1))).StatusCode);

        // Retiring keeps the record and its measurements, takes it off the list, and it takes no more values.
        var retired = await ReadAsync(await contributor.PostAsync(Url(incidentsUrl + "/retire"), null));
        Assert.Equal(Day(0), retired.GetProperty("retiredOn").GetString());
        Assert.Single(retired.GetProperty("measurements").EnumerateArray());
        var list = await ReadAsync(await contributor.GetAsync(Url($"{api}/objectives")));
        Assert.Equal(["O-1"], list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("key").GetString()));
        Assert.Equal(2, (await ReadAsync(await contributor.GetAsync(Url($"{api}/objectives?includeRetired=true")))).GetProperty("total").GetInt32());
        Assert.Equal(["objective"], ErrorFields(await ReadAsync(await contributor.PostAsync(Url(incidentsUrl + "/measurements"), Json($$"""{"measuredOn":"{{Day(0)}}","value":1}""")), HttpStatusCode.BadRequest)));

        // Viewers read but do not change; another organization does not see it at all.
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(Url(cardsUrl + "/measurements"), Json($$"""{"measuredOn":"{{Day(0)}}","value":99}"""))).StatusCode);
        using var outsider = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Url($"/api/orgs/{host.OrganizationB}/objectives/{cards.GetProperty("id").GetString()}"))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Competence_gaps_are_computed_from_roles_and_evidence_and_earn_7_2(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}/competence";
        var org = $"/api/orgs/{host.OrganizationA}";

        Assert.Equal(["name", "requiredCompetences"], ErrorFields(await ReadAsync(await contributor.PostAsync(Url($"{api}/roles"), Json("""{"name":" ","requiredCompetences":["juggling"]}""")), HttpStatusCode.BadRequest)));
        await ReadAsync(await contributor.PostAsync(Url($"{api}/roles"), Json("""{"name":"ISMS manager","requiredCompetences":["security-risk","internal-audit"]}""")), HttpStatusCode.Created);
        Assert.Equal(["roles"], ErrorFields(await ReadAsync(await contributor.PostAsync(Url($"{api}/people"), Json("""{"name":"Ada","roles":["Chief Juggler"]}""")), HttpStatusCode.BadRequest)));
        Assert.Equal(0, (await ReadAsync(await contributor.GetAsync(Url($"{api}/people")))).GetProperty("total").GetInt32());

        var ada = await ReadAsync(await contributor.PostAsync(Url($"{api}/people"), Json("""{"name":"Ada Lovelace","email":"ada@a.example","roles":["isms MANAGER"]}""")), HttpStatusCode.Created);
        Assert.Equal(["ISMS manager"], ada.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var evidenceUrl = $"{api}/people/{ada.GetProperty("id").GetString()}/evidence";

        var gaps = await ReadAsync(await contributor.GetAsync(Url($"{api}/gaps")));
        Assert.Equal((0, 2, 0), (gaps.GetProperty("covered").GetInt32(), gaps.GetProperty("missing").GetInt32(), gaps.GetProperty("expired").GetInt32()));
        var (result, reason) = await GapRowAsync(contributor, org, "iso42001-2023", "7.2");
        Assert.Equal("partially_satisfied", result);
        Assert.Contains("2 competence gaps remain (Ada Lovelace: Management system auditing missing; Ada Lovelace: Information security risk management missing)", reason, StringComparison.Ordinal);
        Assert.Contains("No role requires an AI competence", reason, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace needs Management system auditing (no evidence) for ISMS manager.", await ReviewFactsAsync(contributor, org, "Resources and competence"));

        var badEvidence = await ReadAsync(await contributor.PostAsync(Url(evidenceUrl), Json("""{"kind":"rumour","competence":"security-risk","title":"x","obtainedOn":"2025-01-01","expiresOn":"2024-01-01"}""")), HttpStatusCode.BadRequest);
        Assert.Equal(["expiresOn", "kind"], ErrorFields(badEvidence));
        await ReadAsync(await contributor.PostAsync(Url(evidenceUrl), Json("""{"kind":"training","competence":"security-risk","title":"Risk workshop 2023","obtainedOn":"2023-01-10","expiresOn":"2025-01-10"}""")), HttpStatusCode.Created);
        await ReadAsync(await contributor.PostAsync(Url(evidenceUrl), Json("""{"kind":"qualification","competence":"internal-audit","title":"Lead auditor certificate","obtainedOn":"2024-03-01","reference":"LA-2024-117.pdf"}""")), HttpStatusCode.Created);
        gaps = await ReadAsync(await contributor.GetAsync(Url($"{api}/gaps")));
        Assert.Equal((1, 0, 1), (gaps.GetProperty("covered").GetInt32(), gaps.GetProperty("missing").GetInt32(), gaps.GetProperty("expired").GetInt32()));
        var expired = gaps.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("state").GetString() == "Expired");
        Assert.Equal(("security-risk", "Risk workshop 2023"), (expired.GetProperty("competenceKey").GetString(), expired.GetProperty("evidence").GetString()));

        // Renewed: no gaps, so 27001 7.2 is satisfied from the records; 42001 still wants an AI competence required somewhere.
        await ReadAsync(await contributor.PostAsync(Url(evidenceUrl), Json($$"""{"kind":"assessment","competence":"security-risk","title":"Risk assessment skills check","obtainedOn":"{{Day(-1)}}","expiresOn":"{{Day(700)}}"}""")), HttpStatusCode.Created);
        var credits = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            return await s.GetRequiredService<ManagementRecordCredits>().HandleAsync();
        });
        Assert.Equal(RequirementResult.Satisfied, credits.Single(c => c.RequirementId == "iso27001-2022:7.2").Result);
        Assert.Equal(RequirementResult.PartiallySatisfied, credits.Single(c => c.RequirementId == "iso42001-2023:7.2").Result);

        // An AI role, held by Ada through an update with her version, covered by evidence: 42001 7.2 satisfied.
        await ReadAsync(await contributor.PostAsync(Url($"{api}/roles"), Json("""{"name":"AI engineer","description":"Builds and monitors the models","requiredCompetences":["machine-learning"]}""")), HttpStatusCode.Created);
        using (var put = new HttpRequestMessage(HttpMethod.Put, Url($"{api}/people/{ada.GetProperty("id").GetString()}")) { Content = Json("""{"name":"Ada Lovelace","roles":["ISMS manager","AI engineer"]}""") })
        {
            put.Headers.IfMatch.ParseAdd("\"1\"");
            Assert.Equal(2, (await ReadAsync(await contributor.SendAsync(put))).GetProperty("version").GetInt32());
        }

        Assert.Equal(1, (await ReadAsync(await contributor.GetAsync(Url($"{api}/gaps")))).GetProperty("missing").GetInt32());
        await ReadAsync(await contributor.PostAsync(Url(evidenceUrl), Json("""{"kind":"experience","competence":"machine-learning","title":"Three years building credit models","obtainedOn":"2025-06-01"}""")), HttpStatusCode.Created);
        (result, reason) = await GapRowAsync(contributor, org, "iso42001-2023", "7.2");
        Assert.Equal("satisfied", result);
        Assert.Contains("current evidence covers every required competence (3 in all). AI competences are required by: AI engineer.", reason, StringComparison.Ordinal);

        // The own competence joins the catalogue; the same key twice is refused.
        await ReadAsync(await contributor.PostAsync(Url($"{api}/competences"), Json("""{"key":"model-red-teaming","name":"Red-teaming models","area":"ai"}""")), HttpStatusCode.Created);
        var duplicate = await ReadAsync(await contributor.PostAsync(Url($"{api}/competences"), Json("""{"key":"model-red-teaming","name":"Again","area":"ai"}""")), HttpStatusCode.Conflict);
        Assert.Equal("The catalogue already has a competence 'model-red-teaming'.", duplicate.GetProperty("detail").GetString());
        var catalogue = await ReadAsync(await contributor.GetAsync(Url($"{api}/competences")));
        Assert.Contains(catalogue.EnumerateArray(), c => c.GetProperty("key").GetString() == "model-red-teaming" && c.GetProperty("area").GetString() == "Ai" && !c.GetProperty("builtIn").GetBoolean());

        using var outsider = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync(Url($"/api/orgs/{host.OrganizationB}/competence/people/{ada.GetProperty("id").GetString()}/evidence"), Json("""{"kind":"training","competence":"ai-law","title":"x","obtainedOn":"2025-01-01"}"""))).StatusCode);
    }
}
