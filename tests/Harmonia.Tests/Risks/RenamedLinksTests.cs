using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Risks;

/// <summary>Links are ids and keys are display values: renaming a control or an AI system keeps every link to it.</summary>
public sealed class RenamedLinksTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static string Keys(JsonElement element, string property) => string.Join(",", element.GetProperty(property).EnumerateArray().Select(e => e.GetString()));

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string body, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(url, UriKind.Relative)) { Content = Json(body) };
        request.Headers.IfMatch.ParseAdd(etag);
        return await client.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Renaming_a_control_and_an_AI_system_keeps_the_links_of_risks_AI_systems_and_AI_evidence(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var client = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";

        var control = await ReadAsync(await client.PostAsync(new Uri($"{api}/controls", UriKind.Relative), Json("""
            {"key":"C-XX","name":"Model drift monitoring","status":"implemented","requirements":["iso27001-2022:A.5.18"]}
            """)));
        var system = await ReadAsync(await client.PostAsync(new Uri($"{api}/ai-systems", UriKind.Relative), Json("""
            {"key":"AI-XX","name":"Churn scorer","role":"deployer","controls":["C-XX"]}
            """)));
        var risk = await ReadAsync(await client.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Json("""
            {"key":"R-XX","title":"Churn scorer drifts unnoticed","categories":["robustness"],"aiSystems":["AI-XX"],"inherentLikelihood":3,"inherentImpact":3,
             "treatment":"mitigate","controls":["C-XX"],"residualLikelihood":2,"residualImpact":2,"owner":"AI Governance Lead"}
            """)));
        await ReadAsync(await client.PostAsync(new Uri($"{api}/ai-evidence", UriKind.Relative), Json("""
            [{"aiSystem":"AI-XX","kind":"validation","metric":"Accuracy","value":0.91,"threshold":0.85,"measuredOn":"2026-05-01","controls":["C-XX"]}]
            """)));

        // Rename the control and the AI system through their own endpoints.
        var controlUrl = $"{api}/controls/{control.GetProperty("id").GetString()}";
        using (var renamed = await PutAsync(client, controlUrl, """{"key":"C-YY","name":"Model drift monitoring","status":"implemented","requirements":["iso27001-2022:A.5.18"]}""", $"\"{control.GetProperty("version").GetInt32()}\""))
        {
            await ReadAsync(renamed);
        }

        var systemUrl = $"{api}/ai-systems/{system.GetProperty("id").GetString()}";
        var systemRead = await ReadAsync(await client.GetAsync(new Uri(systemUrl, UriKind.Relative)));
        Assert.Equal("C-YY", Keys(systemRead.GetProperty("system"), "controls"));
        using (var renamed = await PutAsync(client, systemUrl, """{"key":"AI-YY","name":"Churn scorer","role":"deployer","controls":["C-YY"]}""", $"\"{system.GetProperty("version").GetInt32()}\""))
        {
            Assert.Equal("C-YY", Keys(await ReadAsync(renamed), "controls"));
        }

        // The risk shows the new keys, and saving it back unchanged succeeds and keeps both links.
        async Task<JsonElement> RiskAsync() =>
            (await ReadAsync(await client.GetAsync(new Uri($"{api}/risks", UriKind.Relative)))).GetProperty("page").GetProperty("items").EnumerateArray()
                .Single(r => r.GetProperty("id").GetString() == risk.GetProperty("id").GetString());
        var current = await RiskAsync();
        Assert.Equal(("AI-YY", "C-YY"), (Keys(current, "aiSystems"), Keys(current, "controls")));
        using (var saved = await PutAsync(client, $"{api}/risks/{risk.GetProperty("id").GetString()}", current.GetRawText(), $"\"{current.GetProperty("version").GetInt32()}\""))
        {
            var body = await ReadAsync(saved);
            Assert.Equal(("AI-YY", "C-YY"), (Keys(body, "aiSystems"), Keys(body, "controls")));
        }

        current = await RiskAsync();
        Assert.Equal(("AI-YY", "C-YY", 2), (Keys(current, "aiSystems"), Keys(current, "controls"), current.GetProperty("version").GetInt32()));

        // The AI system saved back unchanged keeps its control; the risk still names it.
        systemRead = await ReadAsync(await client.GetAsync(new Uri(systemUrl, UriKind.Relative)));
        var systemDto = systemRead.GetProperty("system");
        using (var saved = await PutAsync(client, systemUrl, systemDto.GetRawText(), $"\"{systemDto.GetProperty("version").GetInt32()}\""))
        {
            Assert.Equal("C-YY", Keys(await ReadAsync(saved), "controls"));
        }

        Assert.Equal(["R-XX"], systemRead.GetProperty("risks").EnumerateArray().Select(r => r.GetProperty("key").GetString()));

        // AI evidence follows both renames, and the list filters by the system's current key.
        var evidence = Assert.Single(systemRead.GetProperty("evidence").EnumerateArray());
        Assert.Equal(("AI-YY", "C-YY"), (evidence.GetProperty("aiSystemKey").GetString(), Keys(evidence, "controls")));
        var listed = await ReadAsync(await client.GetAsync(new Uri($"{api}/ai-evidence?aiSystem=AI-YY", UriKind.Relative)));
        Assert.Equal("C-YY", Keys(Assert.Single(listed.GetProperty("items").EnumerateArray()), "controls"));
        Assert.Equal(0, (await ReadAsync(await client.GetAsync(new Uri($"{api}/ai-evidence?aiSystem=AI-XX", UriKind.Relative)))).GetProperty("total").GetInt32());

        // Deleting the control while a risk and an AI system name it is refused with a clear message.
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var delete = await owner.DeleteAsync(new Uri(controlUrl, UriKind.Relative));
        var problem = await delete.Content.ReadAsStringAsync();
        Assert.True(delete.StatusCode == HttpStatusCode.BadRequest, problem);
        Assert.Contains("risks R-XX and AI systems AI-YY name control 'C-YY'", JsonDocument.Parse(problem).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
