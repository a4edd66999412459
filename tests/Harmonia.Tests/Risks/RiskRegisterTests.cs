using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Risks;

public sealed class RiskRegisterTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Risks_are_validated_rated_by_the_methodology_and_counted_in_the_heat_maps(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var client = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";

        using var created = await client.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Json("""
            {"key":"R-1","title":"Churn model treats small customers unfairly","categories":["fairness","accountability"],
             "riskSources":["iso42001-2023:C.3.4"],"aiSystems":["AI-01"],"inherentLikelihood":4,"inherentImpact":4,
             "treatment":"mitigate","controls":["C-01"],"residualLikelihood":2,"residualImpact":3,"owner":"AI Governance Lead"}
            """));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var risk = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("High", "Medium"), (risk.GetProperty("inherentLevel").GetString(), risk.GetProperty("residualLevel").GetString()));

        using var invalid = await client.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Json("""
            {"key":"R-1","title":"","categories":["weather"],"riskSources":["iso27001-2022:A.5.1"],"aiSystems":["AI-99"],"inherentLikelihood":6,"inherentImpact":0,"treatment":"mitigate","controls":[],"residualLikelihood":1,"residualImpact":1}
            """));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in new[] { "title", "categories", "riskSources", "aiSystems", "inherentLikelihood", "inherentImpact", "controls" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        // A well-formed risk whose key is taken is a conflict with what is stored, not bad input.
        using var duplicate = await client.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Json("""
            {"key":"R-1","title":"Another risk","categories":["privacy"],"riskSources":[],"aiSystems":[],"inherentLikelihood":2,"inherentImpact":2,"treatment":"accept","controls":[],"residualLikelihood":2,"residualImpact":2}
            """));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("R-1", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var register = JsonDocument.Parse(await client.GetStringAsync(new Uri($"{api}/risks", UriKind.Relative))).RootElement;
        Assert.Equal(1, register.GetProperty("page").GetProperty("total").GetInt32());
        Assert.Equal(1, register.GetProperty("inherent").EnumerateArray().Single(c => c.GetProperty("likelihood").GetInt32() == 4 && c.GetProperty("impact").GetInt32() == 4).GetProperty("count").GetInt32());
        Assert.Equal(0, JsonDocument.Parse(await client.GetStringAsync(new Uri($"{api}/risks?category=privacy", UriKind.Relative))).RootElement.GetProperty("page").GetProperty("total").GetInt32());

        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var bad = await owner.PutAsync(new Uri($"{api}/risk-methodology", UriKind.Relative), Json("""{"likelihood":[],"impact":[],"levels":[],"ownerMayAccept":"Low","unacceptableAiRisks":[]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsync(new Uri($"{api}/risk-methodology", UriKind.Relative), Json("{}"))).StatusCode);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        return body;
    }

    private static StringContent Risk(string key, int residual, string? ownerAccount, string treatment = "accept", string controls = "[]") => Json($$"""
        {"key":"{{key}}","title":"Copilot drafts leak ticket data","categories":["privacy"],"inherentLikelihood":4,"inherentImpact":4,
         "treatment":"{{treatment}}","controls":{{controls}},"residualLikelihood":{{residual}},"residualImpact":{{residual}},"owner":"Casey, Head of Support"{{(ownerAccount is null ? "" : $",\"ownerAccount\":\"{ownerAccount}\"")}}}
        """);

    private static HttpRequestMessage Put(string url, int version, StringContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(url, UriKind.Relative)) { Content = content };
        request.Headers.IfMatch.ParseAdd($"\"{version}\"");
        return request;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_risk_owner_accepts_within_the_limit_and_approves_the_treatment_plan_until_the_treatment_changes(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        using var riskOwner = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var expires = $$"""{"expiresOn":"{{DateTime.UtcNow.AddMonths(6):yyyy-MM-dd}}"}""";

        var unknown = await RefusedAsync(await manager.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Risk("R-X", 2, "nobody@else.example")));
        Assert.True(JsonDocument.Parse(unknown).RootElement.GetProperty("errors").TryGetProperty("ownerAccount", out _), unknown);

        var risk = await ReadAsync(await manager.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Risk("R-1", 2, "contributor@a.example")));
        var id = risk.GetProperty("id").GetString();
        Assert.Equal("contributor@a.example", risk.GetProperty("ownerAccount").GetString());
        Assert.StartsWith("user:manager@a.example", risk.GetProperty("assessedBy").GetString(), StringComparison.Ordinal);
        Assert.False(risk.GetProperty("aboveAcceptanceLimit").GetBoolean());

        // Someone other than the owner, even a Manager or Owner, does not accept the owner's risk.
        Assert.Contains("Only the risk owner", await RefusedAsync(await manager.PostAsync(new Uri($"{api}/risks/{id}/accept", UriKind.Relative), Json(expires))), StringComparison.Ordinal);
        Assert.Contains("Only the risk owner", await RefusedAsync(await host.Client(host.TokensA[OrganizationRole.Owner]).PostAsync(new Uri($"{api}/risks/{id}/treatment-approval", UriKind.Relative), null)), StringComparison.Ordinal);
        await RefusedAsync(await riskOwner.PostAsync(new Uri($"{api}/risks/{id}/accept", UriKind.Relative), Json("""{"expiresOn":"2020-01-01"}""")));

        var accepted = await ReadAsync(await riskOwner.PostAsync(new Uri($"{api}/risks/{id}/accept", UriKind.Relative), Json(expires)));
        Assert.StartsWith("user:contributor@a.example", accepted.GetProperty("acceptedBy").GetString(), StringComparison.Ordinal);
        var approved = await ReadAsync(await riskOwner.PostAsync(new Uri($"{api}/risks/{id}/treatment-approval", UriKind.Relative), null));
        Assert.StartsWith("user:contributor@a.example", approved.GetProperty("treatmentApprovedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, approved.GetProperty("treatmentApprovedUtc").ValueKind);

        // A new treatment is a new plan: the owner approves again. The residual rating did not change, so the acceptance stands.
        var changed = await ReadAsync(await manager.SendAsync(Put($"{api}/risks/{id}", approved.GetProperty("version").GetInt32(), Risk("R-1", 2, "contributor@a.example", "mitigate", """["C-01"]"""))));
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("treatmentApprovedBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("treatmentApprovedUtc").ValueKind);
        Assert.StartsWith("user:contributor@a.example", changed.GetProperty("acceptedBy").GetString(), StringComparison.Ordinal);
        var again = await ReadAsync(await riskOwner.PostAsync(new Uri($"{api}/risks/{id}/treatment-approval", UriKind.Relative), null));
        Assert.NotEqual(JsonValueKind.Null, again.GetProperty("treatmentApprovedBy").ValueKind);

        // An owner written only as text has no account: nobody can act for it until one is linked.
        var unlinked = (await ReadAsync(await manager.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Risk("R-2", 2, null)))).GetProperty("id").GetString();
        Assert.Contains("no member account is linked", await RefusedAsync(await riskOwner.PostAsync(new Uri($"{api}/risks/{unlinked}/accept", UriKind.Relative), Json(expires))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(host.TokensA[OrganizationRole.Viewer]).PostAsync(new Uri($"{api}/risks/{id}/accept", UriKind.Relative), Json(expires))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_risk_above_the_limit_needs_top_management_too_and_its_assessor_never_approves_it_alone(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var riskOwner = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var expires = Json($$"""{"expiresOn":"{{DateTime.UtcNow.AddMonths(6):yyyy-MM-dd}}"}""");
        await ReadAsync(await owner.PostAsync(new Uri($"{api}/top-management", UriKind.Relative), Json("""{"name":"Olivia Stone","position":"Chief Executive Officer","memberEmail":"owner@a.example"}""")));
        await ReadAsync(await owner.PostAsync(new Uri($"{api}/top-management", UriKind.Relative), Json("""{"name":"Max Berg","position":"Chief Operating Officer","memberEmail":"manager@a.example"}""")));

        // The manager rates the risk (its assessor) and is also top management.
        var high = await ReadAsync(await manager.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Risk("R-HIGH", 4, "contributor@a.example")));
        var id = high.GetProperty("id").GetString();
        Assert.True(high.GetProperty("aboveAcceptanceLimit").GetBoolean());

        var alone = await RefusedAsync(await riskOwner.PostAsync(new Uri($"{api}/risks/{id}/accept", UriKind.Relative), expires));
        Assert.Contains("top-management member who did not assess the risk must approve", alone, StringComparison.Ordinal);
        Assert.Contains("Only a member of top management", await RefusedAsync(await riskOwner.PostAsync(new Uri($"{api}/risks/{id}/top-management-approval", UriKind.Relative), null)), StringComparison.Ordinal);
        Assert.Contains("You assessed R-HIGH", await RefusedAsync(await manager.PostAsync(new Uri($"{api}/risks/{id}/top-management-approval", UriKind.Relative), null)), StringComparison.Ordinal);

        var approved = await ReadAsync(await owner.PostAsync(new Uri($"{api}/risks/{id}/top-management-approval", UriKind.Relative), null));
        Assert.Equal("Olivia Stone (Chief Executive Officer)", approved.GetProperty("topManagementApprovedBy").GetString());
        var accepted = await ReadAsync(await riskOwner.PostAsync(new Uri($"{api}/risks/{id}/accept", UriKind.Relative), expires));
        Assert.StartsWith("user:contributor@a.example", accepted.GetProperty("acceptedBy").GetString(), StringComparison.Ordinal);

        // The assessor who is also the risk owner: their acceptance still waits for another top-management member.
        var own = (await ReadAsync(await manager.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Risk("R-OWN", 4, "manager@a.example")))).GetProperty("id").GetString();
        Assert.Contains("must approve", await RefusedAsync(await manager.PostAsync(new Uri($"{api}/risks/{own}/accept", UriKind.Relative), expires)), StringComparison.Ordinal);
        await RefusedAsync(await manager.PostAsync(new Uri($"{api}/risks/{own}/top-management-approval", UriKind.Relative), null));

        // A new residual rating needs a new acceptance and a new approval; whoever re-rates becomes the assessor.
        var rerated = await ReadAsync(await owner.SendAsync(Put($"{api}/risks/{id}", accepted.GetProperty("version").GetInt32(), Risk("R-HIGH", 5, "contributor@a.example"))));
        Assert.Equal(JsonValueKind.Null, rerated.GetProperty("acceptedBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, rerated.GetProperty("topManagementApprovedBy").ValueKind);
        Assert.StartsWith("user:owner@a.example", rerated.GetProperty("assessedBy").GetString(), StringComparison.Ordinal);
        Assert.Contains("You assessed", await RefusedAsync(await owner.PostAsync(new Uri($"{api}/risks/{id}/top-management-approval", UriKind.Relative), null)), StringComparison.Ordinal);
        await ReadAsync(await manager.PostAsync(new Uri($"{api}/risks/{id}/top-management-approval", UriKind.Relative), null));

        // Within the limit the owner decides alone; top management is not asked.
        var low = (await ReadAsync(await manager.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Risk("R-LOW", 1, "contributor@a.example")))).GetProperty("id").GetString();
        Assert.Contains("within what the methodology lets its owner accept", await RefusedAsync(await owner.PostAsync(new Uri($"{api}/risks/{low}/top-management-approval", UriKind.Relative), null)), StringComparison.Ordinal);
    }
}
