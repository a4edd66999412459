using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Harmonia.Tests.AiSystems;

/// <summary>Issue 5 end to end on the acme sample: AI systems, impact assessments, AI evidence, risks, both SoAs, the gap analysis.</summary>
public sealed class AiGovernanceTests
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> GapRowAsync(HttpClient client, string api, string requirementId)
    {
        var target = requirementId.Split(':')[0];
        var gap = await ReadAsync(await client.GetAsync(new Uri($"{api}/gap/{target}?format=json", UriKind.Relative)));
        return gap.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == requirementId);
    }

    private static string ImpactBody(string controls, string risks) => $$"""
        {"entries":[
          {"dimension":"fairness","description":"Scores may be lower for young firms with short histories","affectedGroup":"SME borrowers under three years old","severity":4,"likelihood":3,"mitigation":"Monthly disparity test; manual review below the cut-off","controls":[{{controls}}],"risks":[{{risks}}],"residualSeverity":3,"residualLikelihood":2},
          {"dimension":"economic","description":"Wrong declines cut credit to viable firms","affectedGroup":"local economy","severity":3,"likelihood":2,"controls":[],"risks":[],"residualSeverity":2,"residualLikelihood":2}],
         "summary":"Acceptable with the disparity test and the manual review in place.","residualAssessment":"Low to medium","decision":"proceed-with-conditions","nextReviewOn":"{{DateTime.UtcNow.AddYears(1):yyyy-MM-dd}}"}
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Impact_assessments_risks_and_both_SoAs_earn_their_gap_results_with_reasons(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";

        // The organization adopts its risk methodology (the default scales, saved as its own), then rates risks on it.
        using (var methodology = new HttpRequestMessage(HttpMethod.Put, new Uri($"{api}/risk-methodology", UriKind.Relative)) { Content = Json(JsonSerializer.Serialize(Harmonia.Domain.Risks.RiskMethodology.Default, WebJson)) })
        {
            await ReadAsync(await owner.SendAsync(methodology));
        }

        // An AI control of the organization, and an AI risk treated with it.
        await ReadAsync(await contributor.PostAsync(new Uri($"{api}/controls", UriKind.Relative), Json("""
            {"key":"C-AI-1","name":"Fairness testing before each release","status":"implemented","requirements":["iso42001-2023:A.6.2.4","iso42001-2023:A.7.4"]}
            """)), HttpStatusCode.Created);
        await ReadAsync(await contributor.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Json($$"""
            {"key":"R-AI-1","title":"PD model scores young firms unfairly","categories":["fairness"],"riskSources":["iso42001-2023:C.3.4"],"aiSystems":["AI-01","AI-02"],
             "inherentLikelihood":4,"inherentImpact":4,"treatment":"mitigate","controls":["C-AI-1"],"residualLikelihood":2,"residualImpact":3,"owner":"Head of Data Science",
             "reviewOn":"{{DateTime.UtcNow.AddMonths(6):yyyy-MM-dd}}"}
            """)), HttpStatusCode.Created);

        // Both acme AI systems get an approved impact assessment; until both have one, the requirement is only partly met.
        var systems = (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/ai-systems", UriKind.Relative)))).GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["AI-01", "AI-02"], systems.Select(s => s.GetProperty("key").GetString()));
        Assert.All(systems, s => Assert.Equal("Missing", s.GetProperty("assessment").GetProperty("currency").GetString()));
        foreach (var (system, index) in systems.Select((s, i) => (s, i)))
        {
            var id = system.GetProperty("id").GetString();
            var draft = await contributor.PostAsync(new Uri($"{api}/ai-systems/{id}/impact-assessments", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
            var url = $"{api}/ai-systems/{id}/impact-assessments/1";
            using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(url, UriKind.Relative)) { Content = Json(ImpactBody("\"C-AI-1\"", "\"R-AI-1\"")) };
            put.Headers.IfMatch.ParseAdd("\"1\"");
            await ReadAsync(await contributor.SendAsync(put));
            Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsync(new Uri(url + "/approve", UriKind.Relative), null)).StatusCode);
            if (index == 0)
            {
                // A manager who changed the draft wrote it too (the audit trail says so): their approval is refused.
                using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
                using var edit = new HttpRequestMessage(HttpMethod.Put, new Uri(url, UriKind.Relative)) { Content = Json(ImpactBody("\"C-AI-1\"", "\"R-AI-1\"")) };
                edit.Headers.IfMatch.ParseAdd("\"2\"");
                await ReadAsync(await manager.SendAsync(edit));
                var refused = await ReadAsync(await manager.PostAsync(new Uri(url + "/approve", UriKind.Relative), null), HttpStatusCode.BadRequest);
                Assert.Contains("You wrote this version", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

            var approved = await ReadAsync(await owner.PostAsync(new Uri(url + "/approve", UriKind.Relative), null));
            Assert.Equal("approved", approved.GetProperty("status").GetString());
            var impact = await GapRowAsync(owner, api, "iso42001-2023:6.1.4");
            Assert.Equal(index == 0 ? "partially_satisfied" : "satisfied", impact.GetProperty("result").GetString());
            Assert.Contains($"{index + 1} of 2 AI systems in scope", impact.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        // An approved assessment never changes; a significant change to the system makes it due, and the gap says so.
        var first = systems[0].GetProperty("id").GetString();
        using (var late = new HttpRequestMessage(HttpMethod.Put, new Uri($"{api}/ai-systems/{first}/impact-assessments/1", UriKind.Relative)) { Content = Json(ImpactBody("", "")) })
        {
            late.Headers.IfMatch.ParseAdd("\"2\"");
            Assert.Equal(HttpStatusCode.BadRequest, (await contributor.SendAsync(late)).StatusCode);
        }

        var detail = await ReadAsync(await contributor.GetAsync(new Uri($"{api}/ai-systems/{first}", UriKind.Relative)));
        var system0 = detail.GetProperty("system");
        using (var change = new HttpRequestMessage(HttpMethod.Put, new Uri($"{api}/ai-systems/{first}", UriKind.Relative))
        {
            Content = Json($$"""{"key":"AI-01","name":"{{system0.GetProperty("name").GetString()}}","role":"deployer","purpose":"Drafts replies and now also decides refunds up to 50 EUR.","modelType":"Hosted LLM"}"""),
        })
        {
            change.Headers.IfMatch.ParseAdd($"\"{system0.GetProperty("version").GetInt32()}\"");
            var changed = await ReadAsync(await contributor.SendAsync(change));
            Assert.Equal("Due", changed.GetProperty("assessment").GetProperty("currency").GetString());
            Assert.Contains("purpose, model", changed.GetProperty("assessment").GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        var due = await GapRowAsync(owner, api, "iso42001-2023:6.1.4");
        Assert.Equal("partially_satisfied", due.GetProperty("result").GetString());
        Assert.Contains("changed significantly", due.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // The AI risk assessment covers every AI system and is reviewed on schedule: 6.1.2 and 8.2 of 42001.
        var riskAssessment = await GapRowAsync(owner, api, "iso42001-2023:8.2");
        Assert.Equal("satisfied", riskAssessment.GetProperty("result").GetString());
        Assert.Contains("1 AI risks, rated on methodology v1", riskAssessment.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // The 42001 SoA: the risk and the assessments call for A.6.2.4; an exclusion needs a justification.
        var overview = await ReadAsync(await contributor.GetAsync(new Uri($"{api}/soa/iso42001-2023", UriKind.Relative)));
        var proposal = overview.GetProperty("proposal").EnumerateArray().ToArray();
        Assert.Equal(38, proposal.Length);
        var verification = proposal.Single(r => r.GetProperty("ref").GetString() == "A.6.2.4");
        Assert.Equal(["RiskTreatment", "ImpactAssessment"], verification.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("R-AI-1", verification.GetProperty("justification").GetString(), StringComparison.Ordinal);
        // What is decided is saved as a draft; what is not is listed, and the draft cannot be approved.
        var unjustified = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/soa/iso42001-2023", UriKind.Relative), Json("""{"decisions":[{"requirementId":"iso42001-2023:A.6.2.4","included":false}]}""")), HttpStatusCode.Created);
        var problems = unjustified.GetProperty("needsDecision").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains(problems, p => p.StartsWith("A.6.2.4 cannot be excluded: risks R-AI-1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("A.2.2 is not decided yet", StringComparison.Ordinal));
        var figures = unjustified.GetProperty("figures");
        Assert.Equal(38, figures.GetProperty("included").GetInt32() + figures.GetProperty("excluded").GetInt32() + figures.GetProperty("undecided").GetInt32());
        Assert.Equal(problems.Length, figures.GetProperty("needDecision").GetInt32());
        var blocked = await ReadAsync(await owner.PostAsync(new Uri($"{api}/soa/iso42001-2023/1/approve", UriKind.Relative), null), HttpStatusCode.BadRequest);
        Assert.Contains("cannot be approved", blocked.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("draft", (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/soa/iso42001-2023/1", UriKind.Relative)))).GetProperty("status").GetString());

        var decisions = proposal.Where(r => !r.GetProperty("included").GetBoolean())
            .Select(r => r.GetProperty("ref").GetString() == "A.2.2"
                ? $$"""{"requirementId":"{{r.GetProperty("requirementId").GetString()}}","included":true,"reasons":["legal","business"],"justification":"Policy required by our bank customers' contracts."}"""
                : $$"""{"requirementId":"{{r.GetProperty("requirementId").GetString()}}","included":false,"justification":"Not yet implemented; planned in the AI roadmap."}""");
        var saved = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/soa/iso42001-2023", UriKind.Relative), Json($$"""{"decisions":[{{string.Join(",", decisions)}}],"note":"First AIMS statement"}""")), HttpStatusCode.Created);
        Assert.Equal(2, saved.GetProperty("number").GetInt32());
        Assert.Equal(0, saved.GetProperty("needsDecision").GetArrayLength());
        Assert.Equal("partially_satisfied", (await GapRowAsync(owner, api, "iso42001-2023:6.1.3")).GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsync(new Uri($"{api}/soa/iso42001-2023/2/approve", UriKind.Relative), null)).StatusCode);
        await ReadAsync(await owner.PostAsync(new Uri($"{api}/soa/iso42001-2023/2/approve", UriKind.Relative), null));
        // An approved SoA is half of 6.1.3: the risk owners' approval of the treatment plan is the other half.
        var soaRow = await GapRowAsync(owner, api, "iso42001-2023:6.1.3");
        Assert.Equal("partially_satisfied", soaRow.GetProperty("result").GetString());
        Assert.Contains("Statement of Applicability v2 approved by user:owner@a.example", soaRow.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("the risk owners have not approved the treatment of R-AI-1", soaRow.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // A second version differs in one justification: the diff says so, control by control.
        await ReadAsync(await contributor.PostAsync(new Uri($"{api}/soa/iso42001-2023", UriKind.Relative), Json($$"""{"decisions":[{{string.Join(",", decisions).Replace("planned in the AI roadmap", "planned for Q3", StringComparison.Ordinal)}}]}""")), HttpStatusCode.Created);
        var diff = await ReadAsync(await owner.GetAsync(new Uri($"{api}/soa/iso42001-2023/3/diff/2", UriKind.Relative)));
        Assert.Equal(proposal.Count(r => !r.GetProperty("included").GetBoolean()) - 1, diff.GetProperty("changes").GetArrayLength());
        Assert.Contains("planned for Q3", diff.GetProperty("changes")[0].GetProperty("changes")[0].GetString(), StringComparison.Ordinal);

        // The auditor opens the approved statement in Excel: one row per control, filters, frozen header.
        var xlsx = await owner.GetByteArrayAsync(new Uri($"{api}/soa/iso42001-2023/2/export/xlsx", UriKind.Relative));
        using (var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(book));
            var sheet = book.WorkbookPart!.WorksheetParts.Single().Worksheet!;
            Assert.Equal(39, sheet.Descendants<Row>().Count());
            Assert.Equal("A1:J39", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
            Assert.Equal(PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State!.Value);
        }

        var csv = Encoding.UTF8.GetString(await owner.GetByteArrayAsync(new Uri($"{api}/soa/iso42001-2023/2/export/csv", UriKind.Relative)));
        Assert.Equal(39, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var pdf = await owner.GetByteArrayAsync(new Uri($"{api}/soa/iso42001-2023/1/export/pdf", UriKind.Relative));
        using (var read = PdfDocument.Open(pdf))
        {
            var text = string.Join(" ", read.GetPages().Select(p => p.Text));
            Assert.Contains("Statement of Applicability", text, StringComparison.Ordinal);
            Assert.Contains("A.6.2.4", text, StringComparison.Ordinal);
        }

        // The 27001 statement has all 93 controls.
        var isms = await ReadAsync(await contributor.GetAsync(new Uri($"{api}/soa/iso27001-2022", UriKind.Relative)));
        Assert.Equal(93, isms.GetProperty("proposal").GetArrayLength());

        // The impact assessment and the risk treatment plan are documents a reader opens.
        var assessmentDocx = await owner.GetByteArrayAsync(new Uri($"{api}/ai-systems/{first}/impact-assessments/1/export/docx", UriKind.Relative));
        using (var word = WordprocessingDocument.Open(new MemoryStream(assessmentDocx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word));
            Assert.Contains("young firms", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        var plan = await owner.GetByteArrayAsync(new Uri($"{api}/risks/treatment-plan/pdf", UriKind.Relative));
        using (var read = PdfDocument.Open(plan))
        {
            Assert.Contains("R-AI-1", string.Join(" ", read.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        }

        var planBook = await owner.GetByteArrayAsync(new Uri($"{api}/risks/treatment-plan/xlsx", UriKind.Relative));
        using (var book = SpreadsheetDocument.Open(new MemoryStream(planBook), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(book));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await owner.GetAsync(new Uri($"{api}/risks/treatment-plan/exe", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AI_evidence_imports_all_or_nothing_and_a_failing_result_suggests_a_risk(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        const string header = "aiSystem,kind,metric,subject,value,threshold,comparison,dataSet,measuredOn,tool,controls\n";

        var broken = new StringContent(header + "AI-02,bias,Demographic parity difference,firm age < 3y,0.04,0.1,max,holdout-2026Q1,2026-04-30,fairlearn 0.12,\nAI-09,bias,Equalized odds,,abc,0.1,max,,2026-13-01,,C-99\n", Encoding.UTF8, "text/csv");
        var refused = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/ai-evidence/import", UriKind.Relative), broken), HttpStatusCode.BadRequest);
        Assert.Contains("Line 3: value 'abc' is not a number", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/ai-evidence", UriKind.Relative)))).GetProperty("total").GetInt32());

        var invalid = new StringContent(header + "AI-09,bias,Equalized odds,,0.2,0.1,max,,2026-05-01,,C-99\n", Encoding.UTF8, "text/csv");
        var errors = (await ReadAsync(await contributor.PostAsync(new Uri($"{api}/ai-evidence/import", UriKind.Relative), invalid), HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("row 1")[0].GetString();
        Assert.Contains("'AI-09' is not in the inventory", errors, StringComparison.Ordinal);
        Assert.Contains("names the protected group", errors, StringComparison.Ordinal);
        Assert.Contains("no control 'C-99'", errors, StringComparison.Ordinal);

        var good = new StringContent(header
            + "AI-02,bias,Demographic parity difference,firm age < 3y,0.14,0.1,max,holdout-2026Q1,2026-04-30,fairlearn 0.12,C-01\n"
            + "AI-02,data-quality,Completeness,financial statements,0.991,0.98,min,train-2026Q1,2026-04-30,great_expectations,\n", Encoding.UTF8, "text/csv");
        var recorded = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/ai-evidence/import", UriKind.Relative), good));
        Assert.Equal([false, true], recorded.GetProperty("recorded").EnumerateArray().Select(r => r.GetProperty("passed").GetBoolean()));
        var suggestion = recorded.GetProperty("suggestions").EnumerateArray().Single();
        Assert.Equal("fairness", suggestion.GetProperty("category").GetString());
        Assert.Contains("0.14 against a threshold of 0.1 (at most)", suggestion.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var json = Json("""[{"aiSystem":"AI-01","kind":"validation","metric":"Answer accuracy","value":0.81,"threshold":0.9,"measuredOn":"2026-05-02","tool":"eval-harness"}]""");
        var fromJson = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/ai-evidence/import?format=json", UriKind.Relative), json));
        Assert.Equal("robustness", fromJson.GetProperty("suggestions")[0].GetProperty("category").GetString());

        var accepted = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/risk-suggestions/{suggestion.GetProperty("id").GetString()}/accept", UriKind.Relative), Json("""{"likelihood":4,"impact":3,"owner":"Head of Data Science"}""")));
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        var risk = (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/risks?category=fairness", UriKind.Relative)))).GetProperty("page").GetProperty("items").EnumerateArray().Single();
        Assert.Equal((accepted.GetProperty("riskKey").GetString(), "mitigate"), (risk.GetProperty("key").GetString(), risk.GetProperty("treatment").GetString()));
        Assert.Equal(["AI-02"], risk.GetProperty("aiSystems").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsync(new Uri($"{api}/risk-suggestions/{suggestion.GetProperty("id").GetString()}/dismiss", UriKind.Relative), Json("{}"))).StatusCode);
        Assert.Equal(1, (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/risk-suggestions", UriKind.Relative)))).GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Several_suggestions_are_accepted_or_dismissed_in_one_step_all_or_none(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        using var other = host.Client(host.TokenB);
        var api = $"/api/orgs/{host.OrganizationA}";
        var csv = new StringContent("aiSystem,kind,metric,subject,value,threshold,comparison,measuredOn,tool\n"
            + "AI-01,bias,Demographic parity difference,age 60+,0.21,0.1,max,2026-05-01,fairlearn\n"
            + "AI-01,bias,Equalized odds difference,women,0.19,0.1,max,2026-05-01,fairlearn\n"
            + "AI-02,validation,Accuracy,,0.7,0.9,min,2026-05-01,eval-harness\n", Encoding.UTF8, "text/csv");
        var ids = (await ReadAsync(await contributor.PostAsync(new Uri($"{api}/ai-evidence/import", UriKind.Relative), csv))).GetProperty("suggestions")
            .EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(3, ids.Length);
        StringContent Decide(IEnumerable<string> chosen, bool accept) => Json($$"""{"suggestionIds":[{{string.Join(",", chosen.Select(i => $"\"{i}\""))}}],"accept":{{(accept ? "true" : "false")}}}""");
        async Task<int> RisksAsync() => (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/risks?pageSize=200", UriKind.Relative)))).GetProperty("page").GetProperty("total").GetInt32();
        var risksBefore = await RisksAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(new Uri($"{api}/risk-suggestions/decide", UriKind.Relative), Decide(ids, true))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(new Uri($"/api/orgs/{host.OrganizationB}/risk-suggestions/decide", UriKind.Relative), Decide(ids, true))).StatusCode);
        await ReadAsync(await contributor.PostAsync(new Uri($"{api}/risk-suggestions/decide", UriKind.Relative), Decide([], true)), HttpStatusCode.BadRequest);

        var accepted = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/risk-suggestions/decide", UriKind.Relative), Decide(ids[..2], true)));
        var keys = accepted.EnumerateArray().Select(a => a.GetProperty("riskKey").GetString()!).ToArray();
        Assert.Equal(2, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(int.Parse(keys[0][2..], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(keys[1][2..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(risksBefore + 2, await RisksAsync());

        // One of them already decided: the whole step is refused and the third stays open.
        var refused = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/risk-suggestions/decide", UriKind.Relative), Decide(ids, false)), HttpStatusCode.BadRequest);
        Assert.Contains("already accepted", refused.GetProperty("errors").GetProperty("suggestionIds")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/risk-suggestions", UriKind.Relative)))).GetProperty("total").GetInt32());

        var dismissed = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/risk-suggestions/decide", UriKind.Relative), Decide(ids[2..], false)));
        Assert.Equal("dismissed", dismissed[0].GetProperty("status").GetString());
        Assert.Equal(0, (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/risk-suggestions", UriKind.Relative)))).GetProperty("total").GetInt32());
        Assert.Equal(risksBefore + 2, await RisksAsync());
    }
}
