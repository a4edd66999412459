using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.AiSystems;

/// <summary>AI incidents and concerns: reported, refused when incomplete, closed with a resolution, and in the review's inputs.</summary>
public sealed class AiConcernTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Incidents_and_concerns_are_reported_closed_and_reach_the_management_review(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var concerns = new Uri($"{api}/ai-concerns", UriKind.Relative);

        var refused = await ReadAsync(await contributor.PostAsync(concerns, Json("""{"kind":"rumour","aiSystem":"AI-99","severity":"huge","reportedOn":"2999-01-01"}""")), HttpStatusCode.BadRequest);
        Assert.Equal(["aiSystem", "description", "kind", "reportedBy", "reportedOn", "severity"], refused.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(0, (await ReadAsync(await contributor.GetAsync(concerns))).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(concerns, Json("""{"kind":"concern","severity":"low","description":"x","reportedBy":"y"}"""))).StatusCode);

        var incident = await ReadAsync(await contributor.PostAsync(concerns, Json($$"""
            {"kind":"incident","aiSystem":"AI-02","severity":"high","description":"A loan was refused by the model without the manual review the policy requires.","reportedBy":"Complaints desk","reportedOn":"{{DateTime.UtcNow.AddDays(-3):yyyy-MM-dd}}"}
            """)), HttpStatusCode.Created);
        Assert.Equal(("CON-1", "open"), (incident.GetProperty("key").GetString(), incident.GetProperty("status").GetString()));
        await ReadAsync(await contributor.PostAsync(concerns, Json("""{"kind":"concern","severity":"low","description":"Staff ask whether the chatbot stores prompts.","reportedBy":"Works council"}""")), HttpStatusCode.Created);

        var inputs = (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/management-reviews/inputs", UriKind.Relative)))).EnumerateArray()
            .Single(i => i.GetProperty("topic").GetString() == "AI concerns and incidents reported").GetProperty("facts").EnumerateArray().Select(f => f.GetString()!).ToArray();
        Assert.StartsWith("1 incidents and 1 concerns reported since", inputs[0], StringComparison.Ordinal);
        Assert.EndsWith("(1 high); 2 still open.", inputs[0], StringComparison.Ordinal);
        Assert.Contains(inputs, f => f.StartsWith("Open: CON-1 (incident, high, AI-02) reported by Complaints desk on", StringComparison.Ordinal));

        var close = new Uri($"{api}/ai-concerns/{incident.GetProperty("id").GetString()}/close", UriKind.Relative);
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsync(close, Json("""{"resolution":""}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsync(close, Json("""{"resolution":"Reversed.","closedOn":"2020-01-01"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(close, Json("""{"resolution":"Reversed."}"""))).StatusCode);
        var closed = await ReadAsync(await contributor.PostAsync(close, Json("""{"resolution":"Decision reversed after a manual review; the review step is now enforced in the workflow."}""")));
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Contains("already closed", (await ReadAsync(await contributor.PostAsync(close, Json("""{"resolution":"Again."}""")), HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);

        var open = await ReadAsync(await viewer.GetAsync(new Uri($"{api}/ai-concerns?open=true", UriKind.Relative)));
        Assert.Equal(["CON-2"], open.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("key").GetString()));
        var trail = await ReadAsync(await host.Client(host.TokensA[OrganizationRole.Owner]).GetAsync(new Uri($"{api}/audit-trail?pageSize=20", UriKind.Relative)));
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("entityType").GetString() == "AiConcernRecord");
    }

    [Fact]
    public async Task A_concern_is_reported_and_closed_from_the_AI_systems_page()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var contributor = await host.SignedInAsync("contributor@a.example");
        var page = $"/orgs/{host.OrganizationA}/ai-systems";
        var html = await contributor.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.Contains("No incident or concern reported yet.", html, StringComparison.Ordinal);
        var hidden = ApiHost.HiddenFields(html);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = hidden["__RequestVerificationToken"],
            ["kind"] = "incident",
            ["aiSystem"] = "AI-01",
            ["severity"] = "high",
            ["description"] = "The support copilot quoted another customer's ticket.",
            ["reportedBy"] = "Support lead",
        };
        using (var reported = await contributor.PostAsync(new Uri($"/orgs/{host.OrganizationA}/ai-concerns/report", UriKind.Relative), new FormUrlEncodedContent(form)))
        {
            Assert.Contains("CON-1 recorded", await contributor.OutcomeAsync(reported), StringComparison.Ordinal);
        }

        form["aiSystem"] = "AI-77";
        using (var refused = await contributor.PostAsync(new Uri($"/orgs/{host.OrganizationA}/ai-concerns/report", UriKind.Relative), new FormUrlEncodedContent(form)))
        {
            Assert.Contains("no AI system 'AI-77'", await contributor.OutcomeAsync(refused), StringComparison.Ordinal);
        }

        html = WebUtility.HtmlDecode(await contributor.GetStringAsync(new Uri(page, UriKind.Relative)));
        Assert.Contains("The support copilot quoted another customer's ticket.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("CON-2", html, StringComparison.Ordinal);
        var action = System.Text.RegularExpressions.Regex.Match(html, "action=\"(/orgs/[^\"]+/ai-concerns/[0-9a-f-]{36}/close)\"").Groups[1].Value;
        using (var closed = await contributor.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ApiHost.HiddenFields(html)["__RequestVerificationToken"],
            ["resolution"] = "Session isolation fixed and the customer informed.",
        })))
        {
            Assert.Contains("CON-1 closed", await contributor.OutcomeAsync(closed), StringComparison.Ordinal);
        }

        Assert.Contains("Session isolation fixed and the customer informed.", WebUtility.HtmlDecode(await contributor.GetStringAsync(new Uri(page, UriKind.Relative))), StringComparison.Ordinal);
    }
}
