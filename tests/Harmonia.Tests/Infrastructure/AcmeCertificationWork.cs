using System.Net;
using System.Text;
using System.Text.Json;

namespace Harmonia.Tests.Infrastructure;

/// <summary>
/// The months of work between the acme gap analysis and a certification audit, done through the REST API so a test
/// can start where the internal audit begins: the policy and procedure pack answered, generated, approved by someone
/// other than the author and published; and, for every ISO/IEC 42001 requirement the gap analysis still finds open,
/// an implemented control (one per clause or Annex A objective) with current evidence; and the records Stage 1
/// reviews: named top management, an information-security risk and an AI risk per AI system, each treatment plan
/// approved by its owner, both Statements of Applicability approved and an approved impact assessment per AI system.
/// </summary>
internal static class AcmeCertificationWork
{
    public static async Task DoAsync(HttpClient contributor, HttpClient owner, string api)
    {
        // The owner who approves the policies is acme's managing director, named top management before approving.
        await Ok(owner.PostAsync(Url($"{api}/top-management"), Json("""{"name":"Dr. Anna Weber","position":"Managing Director","memberEmail":"owner@a.example"}""")), HttpStatusCode.Created);
        await Ok(contributor.PutAsync(Url($"{api}/answers"), Json(AcmeAnswersJson())));
        var generated = await Ok(contributor.PostAsync(Url($"{api}/documents/generate"), Json("{}")));
        if (generated.GetProperty("missing").GetArrayLength() > 0)
        {
            throw new InvalidOperationException("acme's answers leave required questions open: " + generated.GetProperty("missing"));
        }

        var documents = await Ok(contributor.GetAsync(Url($"{api}/documents?pageSize=200")));
        foreach (var document in documents.GetProperty("items").EnumerateArray().Where(d => d.GetProperty("documentId").ValueKind == JsonValueKind.String))
        {
            var url = $"{api}/documents/{document.GetProperty("documentId").GetString()}";
            await NoContent(contributor.PostAsync(Url(url + "/submit"), Json("""{"change":"material"}""")));
            await NoContent(owner.PostAsync(Url(url + "/approve"), null));
            await NoContent(owner.PostAsync(Url(url + "/publish"), null));
        }

        await RecordsAsync(contributor, owner, api);

        var gap = await Ok(contributor.GetAsync(Url($"{api}/gap/iso42001-2023?format=json")));
        var open = gap.GetProperty("requirements").EnumerateArray()
            .Where(r => r.GetProperty("result").GetString() is not ("satisfied" or "not_applicable"))
            .Select(r => r.GetProperty("id").GetString()!)
            .GroupBy(Area)
            .ToArray();
        foreach (var area in open)
        {
            var key = "C-AIMS-" + area.Key.Replace(".", string.Empty, StringComparison.Ordinal);
            var control = await Ok(contributor.PostAsync(Url($"{api}/controls"), Json(JsonSerializer.Serialize(new
            {
                key,
                name = $"AI management: {(area.Key.StartsWith('A') ? "Annex A objective " : "clause ")}{area.Key}",
                owner = "AI Governance Lead",
                status = "implemented",
                requirements = area.ToArray(),
            }))), HttpStatusCode.Created);
            await Ok(contributor.PostAsync(Url($"{api}/controls/{control.GetProperty("id").GetString()}/evidence"), Json(JsonSerializer.Serialize(new
            {
                title = $"{key} operating records",
                url = $"https://intranet.acme.example/aims/{key}",
                effectiveOn = DateTime.UtcNow.AddDays(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                expiresOn = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }))), HttpStatusCode.Created);
        }
    }

    private static async Task RecordsAsync(HttpClient contributor, HttpClient owner, string api)
    {
        var systems = (await Ok(contributor.GetAsync(Url($"{api}/ai-systems")))).GetProperty("items").EnumerateArray()
            .Select(s => (Id: s.GetProperty("id").GetString()!, Key: s.GetProperty("key").GetString()!)).ToArray();
        var control = (await Ok(contributor.GetAsync(Url($"{api}/controls")))).GetProperty("items")[0].GetProperty("key").GetString();
        var risks = new List<string>
        {
            """{"key":"R-IS-1","title":"Ransomware encrypts the analytics platform","categories":["availability","integrity"],"inherentLikelihood":3,"inherentImpact":4,"treatment":"mitigate","controls":["CONTROL"],"residualLikelihood":2,"residualImpact":2,"owner":"Owner","ownerAccount":"owner@a.example","reviewOn":"REVIEW"}""",
        };
        risks.AddRange(systems.Select(s => $$"""{"key":"R-{{s.Key}}","title":"Unfair or unexplained outcomes of {{s.Key}}","categories":["fairness","transparency"],"aiSystems":["{{s.Key}}"],"inherentLikelihood":3,"inherentImpact":4,"treatment":"mitigate","controls":["CONTROL"],"residualLikelihood":2,"residualImpact":2,"owner":"Owner","ownerAccount":"owner@a.example","reviewOn":"REVIEW"}"""));
        foreach (var body in risks)
        {
            var risk = await Ok(contributor.PostAsync(Url($"{api}/risks"), Json(body.Replace("REVIEW", DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("CONTROL", control, StringComparison.Ordinal))), HttpStatusCode.Created);
            await Ok(owner.PostAsync(Url($"{api}/risks/{risk.GetProperty("id").GetString()}/treatment-approval"), null));
        }

        foreach (var framework in new[] { "iso27001-2022", "iso42001-2023" })
        {
            var proposal = (await Ok(contributor.GetAsync(Url($"{api}/soa/{framework}")))).GetProperty("proposal").EnumerateArray();
            var decisions = proposal.Where(r => !r.GetProperty("included").GetBoolean())
                .Select(r => new { requirementId = r.GetProperty("requirementId").GetString(), included = false, justification = "No risk, law or contract of acme calls for it in the current scope." });
            var saved = await Ok(contributor.PostAsync(Url($"{api}/soa/{framework}"), Json(JsonSerializer.Serialize(new { decisions, note = "Statement for certification" }))), HttpStatusCode.Created);
            await Ok(owner.PostAsync(Url($"{api}/soa/{framework}/{saved.GetProperty("number").GetInt32()}/approve"), null));
        }

        foreach (var (id, _) in systems)
        {
            await Ok(contributor.PostAsync(Url($"{api}/ai-systems/{id}/impact-assessments"), null), HttpStatusCode.Created);
            using var put = new HttpRequestMessage(HttpMethod.Put, Url($"{api}/ai-systems/{id}/impact-assessments/1"))
            {
                Content = Json($$"""
                    {"entries":[{"dimension":"fairness","description":"Outcomes may differ between groups of customers","affectedGroup":"customers","severity":3,"likelihood":2,"mitigation":"Quarterly disparity test","controls":[],"risks":[],"residualSeverity":2,"residualLikelihood":2},
                      {"dimension":"economic","description":"Wrong outcomes cost customers time and money","affectedGroup":"customers","severity":2,"likelihood":2,"controls":[],"risks":[],"residualSeverity":1,"residualLikelihood":2}],
                     "summary":"Acceptable with the disparity test in place.","residualAssessment":"Low","decision":"proceed","nextReviewOn":"{{DateTime.UtcNow.AddYears(1):yyyy-MM-dd}}"}
                    """),
            };
            put.Headers.IfMatch.ParseAdd("\"1\"");
            await Ok(contributor.SendAsync(put));
            await Ok(owner.PostAsync(Url($"{api}/ai-systems/{id}/impact-assessments/1/approve"), null));
        }
    }

    /// <summary>Clause 4 to 10, or the Annex A objective (A.5, A.6, ...).</summary>
    private static string Area(string requirementId)
    {
        var reference = requirementId[(requirementId.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var parts = reference.Split('.');
        return parts[0] == "A" ? "A." + parts[1] : parts[0];
    }

    private static string AcmeAnswersJson()
    {
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<string, Dictionary<string, object>>>(
            File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-answers.yaml")));
        return JsonSerializer.Serialize(new { answers = yaml["answers"] });
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task NoContent(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
