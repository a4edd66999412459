using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Documents;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Consistency;

/// <summary>
/// Consistency findings through the API: the acme sample says nothing its records contradict; a contradicting answer
/// is found, blocks exactly the documents that state it, and is lifted by fixing it or by an acknowledgement with a
/// reason that holds only while the facts stay the same.
/// </summary>
public sealed class ConsistencyApiTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static string AnswersWith(string key, JsonNode? value)
    {
        var answers = JsonNode.Parse(DocumentControlTests.AcmeAnswersJson())!;
        answers["answers"]![key] = value;
        return answers.ToJsonString();
    }

    private static async Task<JsonElement> ReportAsync(HttpClient client, string api) =>
        await ReadAsync(await client.GetAsync(new Uri($"{api}/consistency", UriKind.Relative)));

    private static JsonElement? Finding(JsonElement report, string id) =>
        report.GetProperty("findings").EnumerateArray().Cast<JsonElement?>().SingleOrDefault(f => f!.Value.GetProperty("id").GetString() == id);

    private static async Task<string> DraftIdAsync(HttpClient client, string api, string templateId)
    {
        var list = await ReadAsync(await client.GetAsync(new Uri($"{api}/documents", UriKind.Relative)));
        return list.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("templateId").GetString() == templateId).GetProperty("documentId").GetString()!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_acme_answers_agree_with_its_inventory_and_evidence(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        await ReadAsync(await contributor.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Json(DocumentControlTests.AcmeAnswersJson())));

        var report = await ReportAsync(viewer, api);
        Assert.True(report.GetProperty("open").GetInt32() == 0, report.GetRawText());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_contradiction_blocks_the_documents_that_state_it_until_acknowledged_and_the_acknowledgement_lapses_when_the_facts_change(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";

        // Acme's PD model feeds credit decisions; answering that no AI system shapes significant decisions contradicts it.
        await ReadAsync(await contributor.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Json(AnswersWith("ai.high_impact", false))));
        var report = await ReportAsync(viewer, api);
        var finding = Finding(report, "high-impact-denied:AI-02") ?? throw new InvalidOperationException(report.GetRawText());
        Assert.True(finding.GetProperty("open").GetBoolean());
        Assert.Contains("credit", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        var blocked = finding.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("templateId").GetString()).ToArray();
        Assert.Contains("ai-policy", blocked);
        Assert.DoesNotContain("information-security-policy", blocked);
        Assert.Contains(finding.GetProperty("fixAt").EnumerateArray(), f => f.GetProperty("kind").GetString() == "AiSystem" && f.GetProperty("recordId").GetString() is not null);

        // The AI policy states the contradicted answer: it cannot be published; a policy that does not state it can.
        await ReadAsync(await contributor.PostAsync(new Uri($"{api}/documents/generate", UriKind.Relative), Json("{}")));
        async Task<HttpStatusCode> ApproveAndPublishAsync(string templateId)
        {
            var url = $"{api}/documents/{await DraftIdAsync(contributor, api, templateId)}";
            var submitted = await contributor.PostAsync(new Uri(url + "/submit", UriKind.Relative), Json("""{"change":"material"}"""));
            Assert.True(submitted.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.BadRequest, await submitted.Content.ReadAsStringAsync());
            var approved = await owner.PostAsync(new Uri(url + "/approve", UriKind.Relative), null);
            Assert.True(approved.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.BadRequest, await approved.Content.ReadAsStringAsync());
            var published = await owner.PostAsync(new Uri(url + "/publish", UriKind.Relative), null);
            if (published.StatusCode == HttpStatusCode.BadRequest)
            {
                Assert.Contains("contradict", await published.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            return published.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await ApproveAndPublishAsync("ai-policy"));
        Assert.Equal(HttpStatusCode.NoContent, await ApproveAndPublishAsync("information-security-policy"));

        // Only an approver acknowledges, and only with a reason an auditor can weigh.
        var body = $$"""{"finding":"high-impact-denied:AI-02","fingerprint":"{{finding.GetProperty("fingerprint").GetString()}}","reason":"ok"}""";
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsync(new Uri($"{api}/consistency/acknowledgements", UriKind.Relative), Json(body))).StatusCode);
        var tooShort = await owner.PostAsync(new Uri($"{api}/consistency/acknowledgements", UriKind.Relative), Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("reason", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stale = await owner.PostAsync(new Uri($"{api}/consistency/acknowledgements", UriKind.Relative),
            Json("""{"finding":"high-impact-denied:AI-02","fingerprint":"0000","reason":"The bank customers take the decisions, not Acme."}"""));
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Equal(0, (await ReportAsync(viewer, api)).GetProperty("acknowledged").GetInt32());

        var reason = "The bank customers take the credit decisions; our counsel reads ai.high_impact as decisions Acme itself takes.";
        var acknowledged = await owner.PostAsync(new Uri($"{api}/consistency/acknowledgements", UriKind.Relative),
            Json($$"""{"finding":"high-impact-denied:AI-02","fingerprint":"{{finding.GetProperty("fingerprint").GetString()}}","reason":"{{reason}}"}"""));
        Assert.Equal(HttpStatusCode.Created, acknowledged.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync(new Uri($"{api}/consistency/acknowledgements", UriKind.Relative),
            Json($$"""{"finding":"high-impact-denied:AI-02","reason":"{{reason}}"}"""))).StatusCode);
        var after = Finding(await ReportAsync(viewer, api), "high-impact-denied:AI-02")!.Value;
        Assert.False(after.GetProperty("open").GetBoolean());
        Assert.Equal(reason, after.GetProperty("acknowledgement").GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(new Uri($"{api}/documents/{await DraftIdAsync(contributor, api, "ai-policy")}/publish", UriKind.Relative), null)).StatusCode);

        // The acknowledgement is in the audit trail.
        var trail = await owner.GetStringAsync(new Uri($"{api}/audit-trail?pageSize=50", UriKind.Relative));
        Assert.Contains("ConsistencyAcknowledgement", trail, StringComparison.Ordinal);

        // Changing a fact the finding compares (the system's EU AI Act class) re-opens it; the old acknowledgement is shown as void.
        var systems = (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/ai-systems", UriKind.Relative)))).GetProperty("items").EnumerateArray();
        var systemId = systems.Single(s => s.GetProperty("key").GetString() == "AI-02").GetProperty("id").GetString();
        var read = await ReadAsync(await contributor.GetAsync(new Uri($"{api}/ai-systems/{systemId}", UriKind.Relative)));
        var edited = JsonNode.Parse(read.GetProperty("system").GetRawText())!;
        edited["purpose"] = edited["purpose"]!.GetValue<string>() + " It also ranks loan applications for credit approval.";
        using (var put = new HttpRequestMessage(HttpMethod.Put, new Uri($"{api}/ai-systems/{systemId}", UriKind.Relative)) { Content = Json(edited.ToJsonString()) })
        {
            put.Headers.TryAddWithoutValidation("If-Match", $"\"{read.GetProperty("system").GetProperty("version").GetInt32()}\"");
            await ReadAsync(await contributor.SendAsync(put));
        }

        var reopened = Finding(await ReportAsync(viewer, api), "high-impact-denied:AI-02")!.Value;
        Assert.True(reopened.GetProperty("open").GetBoolean());
        Assert.Equal(reason, reopened.GetProperty("voidAcknowledgement").GetProperty("reason").GetString());

        // Fixing the answer resolves it for good.
        await ReadAsync(await contributor.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Json(DocumentControlTests.AcmeAnswersJson())));
        Assert.Null(Finding(await ReportAsync(viewer, api), "high-impact-denied:AI-02"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_organizations_findings_cannot_be_read_or_acknowledged(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var stranger = host.Client(host.TokenB);
        var api = $"/api/orgs/{host.OrganizationA}";
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"{api}/consistency", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync(new Uri($"{api}/consistency/acknowledgements", UriKind.Relative),
            Json("""{"finding":"high-impact-denied:AI-02","reason":"Trying from another organization."}"""))).StatusCode);
    }
}
