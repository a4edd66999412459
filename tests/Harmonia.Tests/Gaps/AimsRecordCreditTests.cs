using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Domain.Risks;
using Harmonia.Tests.Documents;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Gaps;

/// <summary>
/// Issue 13 items 1 and 6 on the acme sample, through the API: what the ISMS alone earns for 42001 competence,
/// documents, audit and review (partial), what the AIMS records add (satisfied), and the risk assessment that counts
/// only on the current methodology.
/// </summary>
public sealed class AimsRecordCreditTests
{
    private const string Aims = "iso42001-2023";

    private static readonly string[] SharedClauses = ["7.2", "7.5.1", "9.2.1", "9.2.2", "9.3.1", "9.3.3"];

    private static readonly string[] ReviewClauses = ["9.3.1", "9.3.3"];

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<Dictionary<string, (string Result, string Basis, string Reason)>> RowsAsync(HttpClient client, string api)
    {
        var gap = await ReadAsync(await client.GetAsync(Url($"{api}/gap/{Aims}?format=json")));
        return gap.GetProperty("requirements").EnumerateArray().ToDictionary(
            r => r.GetProperty("ref").GetString()!,
            r => (r.GetProperty("result").GetString()!, r.GetProperty("basis").GetString()!, r.GetProperty("reason").GetString()!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Acme_competence_documents_audit_and_review_are_partial_until_the_AIMS_records_exist_then_satisfied(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var auditor = host.Client(host.TokensA[OrganizationRole.Auditor]);
        var api = $"/api/orgs/{host.OrganizationA}";

        // Before any AI work the certified ISMS carries each of them only in part, through the shared clause.
        var before = await RowsAsync(owner, api);
        Assert.All(SharedClauses, c => Assert.Equal(("partially_satisfied", "inferred"), (before[c].Result, before[c].Basis)));
        Assert.Contains("harmonized structure 9.3.1", before["9.3.1"].Reason, StringComparison.Ordinal);

        // AI competences: a role that requires one, held by a person whose evidence covers it.
        var competence = $"{api}/competence";
        await ReadAsync(await contributor.PostAsync(Url($"{competence}/roles"), Json("""{"name":"AI engineer","requiredCompetences":["machine-learning"]}""")), HttpStatusCode.Created);
        var ada = await ReadAsync(await contributor.PostAsync(Url($"{competence}/people"), Json("""{"name":"Ada Lovelace","roles":["AI engineer"]}""")), HttpStatusCode.Created);
        await ReadAsync(await contributor.PostAsync(Url($"{competence}/people/{ada.GetProperty("id").GetString()}/evidence"), Json("""{"kind":"experience","competence":"machine-learning","title":"Three years building credit models","obtainedOn":"2025-06-01"}""")), HttpStatusCode.Created);

        // The 42001 documents: one published is not enough, every one 42001 asks for is.
        await ReadAsync(await contributor.PutAsync(Url($"{api}/answers"), Json(DocumentControlTests.AcmeAnswersJson())));
        await ReadAsync(await contributor.PostAsync(Url($"{api}/documents/generate"), Json("{}")));
        var documents = (await ReadAsync(await contributor.GetAsync(Url($"{api}/documents?pageSize=200")))).GetProperty("items").EnumerateArray()
            .ToDictionary(d => d.GetProperty("templateId").GetString()!, d => d.GetProperty("documentId").GetString()!);
        var serving = LoadedContent.Shipped.Documents.Templates
            .Where(t => t.Statements.Any(s => s.RequirementIds.Any(r => r.StartsWith(Aims + ":", StringComparison.Ordinal))))
            .Select(t => t.Id).OrderBy(id => id == "ai-policy" ? 0 : 1).ThenBy(id => id, StringComparer.Ordinal).ToArray();
        Assert.True(serving.Length > 5, $"{serving.Length} templates serve 42001");
        for (var i = 0; i < serving.Length; i++)
        {
            var url = $"{api}/documents/{documents[serving[i]]}";
            Assert.Equal(HttpStatusCode.NoContent, (await contributor.PostAsync(Url(url + "/submit"), Json("""{"change":"material"}"""))).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(Url(url + "/approve"), null)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(Url(url + "/publish"), null)).StatusCode);
            if (i == 0)
            {
                var one = (await RowsAsync(owner, api))["7.5.1"];
                Assert.Equal(("partially_satisfied", "records"), (one.Result, one.Basis));
                Assert.Contains("not yet published for:", one.Reason, StringComparison.Ordinal);
            }
        }

        // The integrated audit: planned, it does not count yet; completed with 42001 in scope, it does.
        var audit = await ReadAsync(await contributor.PostAsync(Url($"{api}/audits"), Json($$"""
            {"key":"IA-2026-02","title":"Integrated ISMS and AIMS audit","frameworks":["iso27001-2022","iso42001-2023"],
             "criteria":"ISO/IEC 27001:2022, ISO/IEC 42001:2023 and our policies","plannedStart":"{{DateTime.UtcNow:yyyy-MM-dd}}","plannedEnd":"{{DateTime.UtcNow.AddDays(3):yyyy-MM-dd}}","auditors":["Lead auditor"]}
            """)), HttpStatusCode.Created);
        var planned = (await RowsAsync(owner, api))["9.2.1"];
        Assert.Equal(("partially_satisfied", "records"), (planned.Result, planned.Basis));
        Assert.Contains("IA-2026-02", planned.Reason, StringComparison.Ordinal);
        Assert.Contains("counts as audited once it is completed", planned.Reason, StringComparison.Ordinal);

        var auditUrl = $"{api}/audits/{audit.GetProperty("id").GetString()}";
        var checklist = (await ReadAsync(await auditor.GetAsync(Url(auditUrl)))).GetProperty("checklist").EnumerateArray().Select(r => r.GetProperty("item").GetProperty("key").GetString()!).ToArray();
        foreach (var key in checklist)
        {
            await ReadAsync(await auditor.PostAsync(Url(auditUrl + "/results"), Json($$"""{"itemKey":"{{key}}","grade":"Conforming"}""")));
        }

        await ReadAsync(await auditor.PostAsync(Url(auditUrl + "/complete"), null));

        // The management review, held with the AIMS's inputs in front of top management, and its decisions.
        await ReadAsync(await owner.PostAsync(Url($"{api}/management-reviews"), Json($$"""
            {"heldOn":"{{DateTime.UtcNow:yyyy-MM-dd}}","attendees":["CEO","ISMS Manager","AI Governance Lead"],"decisions":"Both systems are effective; assess AI-01 by June.",
             "actions":[{"description":"Impact assessment of AI-01","owner":"AI Governance Lead","due":"{{DateTime.UtcNow.AddMonths(2):yyyy-MM-dd}}"}]}
            """)), HttpStatusCode.Created);

        var after = await RowsAsync(owner, api);
        Assert.All(SharedClauses, c => Assert.True(after[c] is ("satisfied", "records", _), $"{c}: {after[c]}"));
        Assert.Contains("AI competences are required by: AI engineer", after["7.2"].Reason, StringComparison.Ordinal);
        Assert.Contains("so the AIMS's own documents are kept under the shared document control", after["7.5.1"].Reason, StringComparison.Ordinal);
        Assert.Contains("IA-2026-02 Integrated ISMS and AIMS audit (completed", after["9.2.1"].Reason, StringComparison.Ordinal);
        Assert.Contains("covered every ISO/IEC 42001 clause requirement", after["9.2.2"].Reason, StringComparison.Ordinal);
        Assert.Contains("AI risk status and treatment", after["9.3.1"].Reason, StringComparison.Ordinal);
        Assert.Contains("its decisions and actions are recorded", after["9.3.3"].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_review_without_the_AIMS_inputs_and_an_audit_of_part_of_the_AIMS_earn_only_partial_credit(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var auditor = host.Client(host.TokensA[OrganizationRole.Auditor]);
        var api = $"/api/orgs/{host.OrganizationA}";

        // An audit of two 42001 clauses only: the AIMS is audited, but the programme has not covered it.
        var audit = await ReadAsync(await contributor.PostAsync(Url($"{api}/audits"), Json($$"""
            {"key":"IA-2026-03","title":"AI policy and scope audit","requirementIds":["iso42001-2023:5.2","iso42001-2023:4.3"],
             "plannedStart":"{{DateTime.UtcNow:yyyy-MM-dd}}","plannedEnd":"{{DateTime.UtcNow:yyyy-MM-dd}}","auditors":["Lead auditor"]}
            """)), HttpStatusCode.Created);
        var auditUrl = $"{api}/audits/{audit.GetProperty("id").GetString()}";
        foreach (var key in (await ReadAsync(await auditor.GetAsync(Url(auditUrl)))).GetProperty("checklist").EnumerateArray().Select(r => r.GetProperty("item").GetProperty("key").GetString()!))
        {
            await ReadAsync(await auditor.PostAsync(Url(auditUrl + "/results"), Json($$"""{"itemKey":"{{key}}","grade":"Conforming"}""")));
        }

        await ReadAsync(await auditor.PostAsync(Url(auditUrl + "/complete"), null));

        // A review recorded with only ISMS inputs (as an older record would be): it is no review of the AIMS.
        await host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<HarmoniaDbContext>();
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            db.ManagementReviews.Add(new Harmonia.App.Features.Reviews.ManagementReviewRecord
            {
                OrganizationId = host.OrganizationA,
                HeldOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)),
                Attendees = "CEO",
                InputsJson = """[{"topic":"Information security risk status and treatment","standards":"iso27001-2022","facts":["12 risks"]}]""",
                Decisions = "Keep going.",
                RecordedBy = "test",
            });
            await db.SaveChangesAsync();
            return true;
        });

        var rows = await RowsAsync(owner, api);
        Assert.Equal("satisfied", rows["9.2.1"].Result);
        Assert.Equal("partially_satisfied", rows["9.2.2"].Result);
        Assert.Contains("the programme has not yet audited 30 of the 32 ISO/IEC 42001 clause requirements", rows["9.2.2"].Reason, StringComparison.Ordinal);
        Assert.All(ReviewClauses, c =>
        {
            Assert.Equal(("partially_satisfied", "records"), (rows[c].Result, rows[c].Basis));
            Assert.Contains("had no inputs about the AI management system", rows[c].Reason, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_risk_assessment_counts_only_when_every_risk_is_rated_on_the_current_methodology_within_its_criteria(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        async Task SaveMethodologyAsync(RiskMethodology methodology)
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, Url($"{api}/risk-methodology")) { Content = Json(JsonSerializer.Serialize(methodology, WebJson)) };
            await ReadAsync(await owner.SendAsync(put));
        }

        string RiskBody(int residualLikelihood, string? riskOwner) => $$"""
            {"key":"R-AI-1","title":"PD model scores young firms unfairly","categories":["fairness"],"aiSystems":["AI-01","AI-02"],
             "inherentLikelihood":4,"inherentImpact":4,"treatment":"mitigate","controls":["C-01"],"residualLikelihood":{{residualLikelihood}},"residualImpact":3,
             {{(riskOwner is null ? string.Empty : $"\"owner\":\"{riskOwner}\",")}}"reviewOn":"{{DateTime.UtcNow.AddMonths(6):yyyy-MM-dd}}"}
            """;

        // Rated before the organization adopted a methodology, and with no owner: partial, naming both.
        var risk = await ReadAsync(await contributor.PostAsync(Url($"{api}/risks"), Json(RiskBody(2, null))), HttpStatusCode.Created);
        var row = (await RowsAsync(owner, api))["8.2"];
        Assert.Equal("partially_satisfied", row.Result);
        Assert.Contains("the organization has not adopted a risk methodology of its own", row.Reason, StringComparison.Ordinal);
        Assert.Contains("without a risk owner: R-AI-1", row.Reason, StringComparison.Ordinal);

        // The methodology is adopted after the rating: the risk must be rated again on it.
        await SaveMethodologyAsync(RiskMethodology.Default);
        row = (await RowsAsync(owner, api))["6.1.2"];
        Assert.Equal("partially_satisfied", row.Result);
        Assert.Contains("not rated again since methodology v1", row.Reason, StringComparison.Ordinal);

        var version = risk.GetProperty("version").GetInt32();
        async Task UpdateRiskAsync(string body)
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, Url($"{api}/risks/{risk.GetProperty("id").GetString()}")) { Content = Json(body) };
            put.Headers.IfMatch.ParseAdd($"\"{version}\"");
            version = (await ReadAsync(await contributor.SendAsync(put))).GetProperty("version").GetInt32();
        }

        // Re-rated on it, with an owner, within the acceptance level and reviewed on schedule: satisfied.
        await UpdateRiskAsync(RiskBody(1, "Head of Data Science"));
        row = (await RowsAsync(owner, api))["8.2"];
        Assert.True(row is ("satisfied", "records", _), row.ToString());
        Assert.Contains("rated on methodology v1: each on its current scales, with an owner", row.Reason, StringComparison.Ordinal);

        // A stricter methodology (owners may accept only Low) and a rating on it that leaves the risk Medium with no
        // acceptance: the criteria are not applied yet.
        await SaveMethodologyAsync(RiskMethodology.Default with { OwnerMayAccept = "Low" });
        await UpdateRiskAsync(RiskBody(2, "Head of Data Science"));
        row = (await RowsAsync(owner, api))["8.2"];
        Assert.Equal("partially_satisfied", row.Result);
        Assert.Contains("residual risk above the acceptance level (Low) with neither further treatment nor acceptance: R-AI-1", row.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("not rated again", row.Reason, StringComparison.Ordinal);

        // A smaller scale makes the old ratings meaningless: named as rated outside the current scales.
        var three = new RiskMethodology(
            [new(1, "Low", "a"), new(2, "Medium", "b"), new(3, "High", "c")],
            [new(1, "Low", "a"), new(2, "Medium", "b"), new(3, "High", "c")],
            [new("Low", 1, 3, "#2e7d32"), new("Medium", 4, 6, "#f9a825"), new("High", 7, 9, "#c62828")],
            "Medium",
            []);
        await SaveMethodologyAsync(three);
        row = (await RowsAsync(owner, api))["8.2"];
        Assert.Contains("rated outside the current 3-level scales: R-AI-1", row.Reason, StringComparison.Ordinal);
    }
}
