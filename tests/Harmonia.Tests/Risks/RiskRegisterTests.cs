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

    [Fact]
    public async Task A_risk_is_accepted_by_someone_other_than_its_owner_and_high_levels_need_top_management()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var expires = Json($$"""{"expiresOn":"{{DateTime.UtcNow.AddMonths(6):yyyy-MM-dd}}"}""");
        async Task<string> CreateAsync(string key, int likelihood, int impact, string riskOwner)
        {
            using var response = await manager.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Json($$"""
                {"key":"{{key}}","title":"Copilot drafts leak ticket data","categories":["privacy"],"inherentLikelihood":4,"inherentImpact":4,
                 "treatment":"accept","residualLikelihood":{{likelihood}},"residualImpact":{{impact}},"owner":"{{riskOwner}}"}
                """));
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        }

        var own = await CreateAsync("R-OWN", 2, 2, "manager@a.example");
        var high = await CreateAsync("R-HIGH", 4, 4, "Head of Support");

        var ownAccepted = await manager.PostAsync(new Uri($"{api}/risks/{own}/accept", UriKind.Relative), expires);
        Assert.Equal(HttpStatusCode.BadRequest, ownAccepted.StatusCode);
        Assert.Contains("owner cannot accept", await ownAccepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync(new Uri($"{api}/risks/{own}/accept", UriKind.Relative), expires)).StatusCode);

        var tooHigh = await manager.PostAsync(new Uri($"{api}/risks/{high}/accept", UriKind.Relative), expires);
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Contains("top management", await tooHigh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var accepted = JsonDocument.Parse(await (await owner.PostAsync(new Uri($"{api}/risks/{high}/accept", UriKind.Relative), expires)).Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("user:owner@a.example", accepted.GetProperty("acceptedBy").GetString(), StringComparison.Ordinal);

        var open = await owner.PostAsync(new Uri($"{api}/risks/{high}/accept", UriKind.Relative), Json("""{"expiresOn":"2020-01-01"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, open.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(host.TokensA[OrganizationRole.Contributor]).PostAsync(new Uri($"{api}/risks/{high}/accept", UriKind.Relative), expires)).StatusCode);
    }
}
