using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Risks;

/// <summary>A control or risk that an impact assessment names stays: deleting it would leave the record pointing at nothing.</summary>
public sealed class DeletionReferenceTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_a_control_or_risk_an_impact_assessment_names_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var client = host.Client(host.TokensA[OrganizationRole.Manager]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var control = await ReadAsync(await client.PostAsync(new Uri($"{api}/controls", UriKind.Relative), Json("""{"key":"C-DEL","name":"Disparity test","status":"implemented"}""")));
        var system = await ReadAsync(await client.PostAsync(new Uri($"{api}/ai-systems", UriKind.Relative), Json("""{"key":"AI-DEL","name":"Loan ranker","role":"deployer"}""")));
        var risk = await ReadAsync(await client.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Json("""
            {"key":"R-DEL","title":"Ranker disadvantages rural applicants","categories":["fairness"],"inherentLikelihood":2,"inherentImpact":2,"treatment":"accept","residualLikelihood":2,"residualImpact":2,"owner":"AI lead"}
            """)));
        var spare = await ReadAsync(await client.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Json("""
            {"key":"R-SPARE","title":"Entered twice by mistake","categories":["availability"],"inherentLikelihood":1,"inherentImpact":1,"treatment":"accept","residualLikelihood":1,"residualImpact":1,"owner":"AI lead"}
            """)));
        var assessmentUrl = $"{api}/ai-systems/{system.GetProperty("id").GetString()}/impact-assessments";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(new Uri(assessmentUrl, UriKind.Relative), null)).StatusCode);
        using (var put = new HttpRequestMessage(HttpMethod.Put, new Uri(assessmentUrl + "/1", UriKind.Relative))
        {
            Content = Json("""
                {"entries":[{"dimension":"fairness","description":"Rural applicants ranked lower","affectedGroup":"loan applicants","severity":3,"likelihood":2,
                  "mitigation":"Quarterly disparity test","controls":["C-DEL"],"risks":["R-DEL"],"residualSeverity":2,"residualLikelihood":2}],
                 "summary":"Acceptable with the test.","residualAssessment":"Low","decision":"proceed","nextReviewOn":"2027-06-01"}
                """),
        })
        {
            put.Headers.IfMatch.ParseAdd("\"1\"");
            await ReadAsync(await client.SendAsync(put));
        }

        using var riskRefused = await client.DeleteAsync(new Uri($"{api}/risks/{risk.GetProperty("id").GetString()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, riskRefused.StatusCode);
        Assert.Contains("AI-DEL impact assessment 1 names risk 'R-DEL'", await riskRefused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var controlRefused = await client.DeleteAsync(new Uri($"{api}/controls/{control.GetProperty("id").GetString()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, controlRefused.StatusCode);
        Assert.Contains("AI-DEL impact assessment 1 names control 'C-DEL'", await controlRefused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var risks = await client.GetStringAsync(new Uri($"{api}/risks?pageSize=200", UriKind.Relative));
        Assert.Contains("R-DEL", risks, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"{api}/controls/{control.GetProperty("id").GetString()}", UriKind.Relative))).StatusCode);

        // A risk nothing names is deleted.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"{api}/risks/{spare.GetProperty("id").GetString()}", UriKind.Relative))).StatusCode);
    }
}
