using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Soa;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Suppliers;

/// <summary>
/// Issue 15: the supplier register through the API, its due dates, its gap credits, the SoA proposal and the review
/// inputs. Organization A starts as the acme sample, whose register holds SUP-1 to SUP-4 (HelpDeskly, SUP-3, still lacks
/// a model change notice and audit rights).
/// </summary>
public sealed class SupplierApiTests
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

    private static HttpRequestMessage Put(string url, string body, int version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Url(url)) { Content = Json(body) };
        request.Headers.IfMatch.ParseAdd($"\"{version}\"");
        return request;
    }

    private const string ModelProvider = """
        {"name":"Lumen Models SAS","services":"Hosted foundation model API","kind":"model-provider","tier":"critical","status":"active",
         "dataProcessed":"Prompts with customer financial data",
         "contacts":[{"name":"Account team","email":"accounts@lumen.example"}],
         "certifications":[{"scheme":"iso27001","expires":"2028-03-31","evidenceUrl":"https://lumen.example/iso27001.pdf"},{"scheme":"soc2","expires":"2020-01-01"}],
         "contracts":[{"title":"API terms 2026","starts":"2026-01-01","renewalOn":"2099-01-01","clauses":["security","confidentiality","ai-use-of-customer-data","model-change-notice","audit-rights","incident-notification"]}],
         "aiSystems":[{"aiSystem":"AI-02","role":"ai-producer"}]}
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_model_provider_is_recorded_reviewed_and_credits_the_42001_supplier_controls(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";

        // Bad input: each wrong field named, nothing stored.
        var refused = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers"), Json("""
            {"name":" ","kind":"magic","tier":"gold","status":"ended","contracts":[{"title":"MSA","clauses":["telepathy"]}],"aiSystems":[{"aiSystem":"AI-99","role":"ai-producer"}],"risks":["R-404"],"subProcessors":["SUP-77"]}
            """)), HttpStatusCode.BadRequest);
        Assert.Equal(["aiSystems", "contracts", "kind", "name", "risks", "status", "subProcessors", "tier"], ErrorFields(refused));
        Assert.Equal(4, (await ReadAsync(await contributor.GetAsync(Url($"{api}/suppliers")))).GetProperty("total").GetInt32());

        var created = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers"), Json(ModelProvider)), HttpStatusCode.Created);
        Assert.Equal("SUP-5", created.GetProperty("key").GetString());
        Assert.Equal("AI-02", created.GetProperty("aiSystems")[0].GetProperty("key").GetString());
        var url = $"{api}/suppliers/{created.GetProperty("id").GetString()}";

        // Never reviewed and active: its first review is due today, overdue; the expired SOC 2 report is overdue too.
        var standing = created.GetProperty("standing");
        Assert.True(standing.GetProperty("reviewOverdue").GetBoolean());
        Assert.Equal(Day(0), standing.GetProperty("nextReviewDue").GetString());
        Assert.Contains(standing.GetProperty("due").EnumerateArray(), d => d.GetProperty("kind").GetString() == "Certification" && d.GetProperty("overdue").GetBoolean() && d.GetProperty("what").GetString()!.StartsWith("SOC 2", StringComparison.Ordinal));

        // The same name again is a conflict.
        Assert.Equal(HttpStatusCode.Conflict, (await contributor.PostAsync(Url($"{api}/suppliers"), Json(ModelProvider))).StatusCode);

        // Filters: kind, tier, status, due; a filter naming nothing is a field error.
        var due = await ReadAsync(await contributor.GetAsync(Url($"{api}/suppliers?kind=model-provider&tier=critical&status=active&due=true")));
        Assert.Contains("SUP-5", due.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        Assert.Equal(["SUP-1", "SUP-2"], (await ReadAsync(await contributor.GetAsync(Url($"{api}/suppliers?kind=cloud")))).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        Assert.Equal(0, (await ReadAsync(await contributor.GetAsync(Url($"{api}/suppliers?status=ended")))).GetProperty("total").GetInt32());
        Assert.Equal(["kind"], ErrorFields(await ReadAsync(await contributor.GetAsync(Url($"{api}/suppliers?kind=martian")), HttpStatusCode.BadRequest)));

        // Partial while it has no review, naming it and what it lacks, beside what the acme helpdesk vendor lacks.
        var (result, reason) = await GapRowAsync(contributor, api, "iso42001-2023", "A.10.3");
        Assert.Equal("partially_satisfied", result);
        Assert.Contains("SUP-5 Lumen Models SAS (never reviewed)", reason, StringComparison.Ordinal);
        Assert.Contains("SUP-3 HelpDeskly Inc. (no contract in force with audit rights, model change notice)", reason, StringComparison.Ordinal);

        Assert.Equal(["on", "outcome"], ErrorFields(await ReadAsync(await contributor.PostAsync(Url(url + "/reviews"), Json($$"""{"on":"{{Day(3)}}","outcome":"fine"}""")), HttpStatusCode.BadRequest)));
        var reviewed = await ReadAsync(await contributor.PostAsync(Url(url + "/reviews"), Json($$"""{"on":"{{Day(-10)}}","reviewer":"AI Governance Lead","outcome":"satisfactory","notes":"Model cards and change log checked"}""")), HttpStatusCode.Created);
        Assert.Equal(DateOnly.Parse(Day(-10), CultureInfo.InvariantCulture).AddMonths(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reviewed.GetProperty("standing").GetProperty("nextReviewDue").GetString());
        Assert.False(reviewed.GetProperty("standing").GetProperty("reviewOverdue").GetBoolean());
        Assert.Equal(2, reviewed.GetProperty("version").GetInt32());

        (result, reason) = await GapRowAsync(contributor, api, "iso42001-2023", "A.10.3");
        Assert.Equal("partially_satisfied", result);
        Assert.DoesNotContain("SUP-5 Lumen Models SAS (", reason, StringComparison.Ordinal);

        // HelpDeskly is being replaced: once it is offboarding, every active AI supplier has what A.10.3 needs.
        var helpdeskly = (await ReadAsync(await contributor.GetAsync(Url($"{api}/suppliers?kind=model-provider")))).GetProperty("items").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "SUP-3");
        await ReadAsync(await contributor.SendAsync(Put($"{api}/suppliers/{helpdeskly.GetProperty("id").GetString()}", """{"name":"HelpDeskly Inc.","kind":"model-provider","tier":"critical","status":"offboarding"}""", helpdeskly.GetProperty("version").GetInt32())));
        (result, reason) = await GapRowAsync(contributor, api, "iso42001-2023", "A.10.3");
        Assert.Equal("satisfied", result);
        Assert.Contains("2 active suppliers concerned (SUP-4 Bonitas Wirtschaftsdaten GmbH, SUP-5 Lumen Models SAS)", reason, StringComparison.Ordinal);
        (result, reason) = await GapRowAsync(contributor, api, "iso42001-2023", "A.10.4");
        Assert.Equal("partially_satisfied", result);
        Assert.Contains("at most partially", reason, StringComparison.Ordinal);

        // Replacing needs the version read; dropping a clause A.10.3 needs brings it back to partial, naming the clause.
        var withoutAuditRights = ModelProvider.Replace("\"audit-rights\",", string.Empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await contributor.PutAsync(Url(url), Json(withoutAuditRights))).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await contributor.SendAsync(Put(url, withoutAuditRights, 1))).StatusCode);
        var updated = await ReadAsync(await contributor.SendAsync(Put(url, withoutAuditRights, 2)));
        Assert.Equal(1, updated.GetProperty("reviews").GetArrayLength());
        (result, reason) = await GapRowAsync(contributor, api, "iso42001-2023", "A.10.3");
        Assert.Equal("partially_satisfied", result);
        Assert.Contains("SUP-5 Lumen Models SAS (no contract in force with audit rights)", reason, StringComparison.Ordinal);

        // The SoA proposal names it for the supplier controls; the review inputs report it; the trail has every change.
        var rows = await host.WithScopeAsync(s => s.GetRequiredService<ProposeSoaHandler>().HandleAsync(host.OrganizationA, "iso42001-2023"));
        var a103 = rows.Single(r => r.RequirementId == "iso42001-2023:A.10.3");
        Assert.True(a103.Included);
        Assert.Contains("SUP-5 Lumen Models SAS", a103.Justification, StringComparison.Ordinal);
        var inputs = await ReadAsync(await contributor.GetAsync(Url($"{api}/management-reviews/inputs")));
        var facts = inputs.EnumerateArray().Single(i => i.GetProperty("topic").GetString() == "Supplier performance and changes").GetProperty("facts").EnumerateArray().Select(f => f.GetString()!).ToArray();
        Assert.StartsWith("5 suppliers in the register (4 active); ", facts[0], StringComparison.Ordinal);
        Assert.Contains(facts, f => f.StartsWith("SUP-5 Lumen Models SAS: overdue SOC 2 certificate expires", StringComparison.Ordinal));
        Assert.Contains("SUP-3 HelpDeskly Inc. is offboarding.", facts);
        var history = await ReadAsync(await contributor.GetAsync(Url(url + "/history")));
        Assert.Equal(["updated", "updated", "created"], history.EnumerateArray().Where(e => e.GetProperty("entityType").GetString() == "SupplierRecord").Select(e => e.GetProperty("action").GetString()));
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("entityType").GetString() == "SupplierAiSystemLink");

        // Viewers read but do not change; another organization sees nothing of it, also not through its own route.
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(Url(url))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(Url(url + "/reviews"), Json($$"""{"on":"{{Day(0)}}","outcome":"satisfactory"}"""))).StatusCode);
        using var outsider = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Url($"/api/orgs/{host.OrganizationB}/suppliers/{created.GetProperty("id").GetString()}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Url(url))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Links_never_dangle_an_ended_supplier_is_offboarded_and_a_used_tier_stays(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";

        var host1 = await ReadAsync(await owner.PostAsync(Url($"{api}/suppliers"), Json("""{"name":"Nordwolke Hosting GmbH","kind":"cloud","tier":"critical","status":"active"}""")), HttpStatusCode.Created);
        var app = await ReadAsync(await owner.PostAsync(Url($"{api}/suppliers"), Json("""{"name":"TicketDesk Ltd","kind":"software","tier":"important","status":"active","subProcessors":["SUP-5"]}""")), HttpStatusCode.Created);
        Assert.Equal(["SUP-6"], (await ReadAsync(await owner.GetAsync(Url($"{api}/suppliers/{host1.GetProperty("id").GetString()}")))).GetProperty("subProcessorOf").EnumerateArray().Select(k => k.GetString()));

        // SUP-5 is SUP-6's sub-processor: deleting it would leave SUP-6 pointing at nothing.
        var refused = await ReadAsync(await owner.DeleteAsync(Url($"{api}/suppliers/{host1.GetProperty("id").GetString()}")), HttpStatusCode.BadRequest);
        Assert.Contains("SUP-6 names SUP-5 Nordwolke Hosting GmbH as a sub-processor", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Ending needs the offboarding checklist: access removed and the data returned or deleted.
        var appUrl = $"{api}/suppliers/{app.GetProperty("id").GetString()}";
        Assert.Equal(["status"], ErrorFields(await ReadAsync(await owner.SendAsync(Put(appUrl, """{"name":"TicketDesk Ltd","kind":"software","tier":"important","status":"ended","offboarding":{"accessRemovedOn":"2026-05-01"}}""", 1)), HttpStatusCode.BadRequest)));
        var ended = await ReadAsync(await owner.SendAsync(Put(appUrl, """{"name":"TicketDesk Ltd","kind":"software","tier":"important","status":"ended","offboarding":{"accessRemovedOn":"2026-05-01","dataDeletedOn":"2026-05-03"}}""", 1)));
        Assert.Equal("Ended", ended.GetProperty("status").GetString());
        Assert.Empty(ended.GetProperty("standing").GetProperty("due").EnumerateArray());

        // The link is gone with the update, so the delete goes through; the deleted supplier answers 404.
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(Url($"{api}/suppliers/{host1.GetProperty("id").GetString()}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(Url($"{api}/suppliers/{host1.GetProperty("id").GetString()}"))).StatusCode);

        // Tiers: defaults at version 0; a tier SUP-6 still uses cannot be removed; a new cadence changes its cadence.
        var tiers = await ReadAsync(await owner.GetAsync(Url($"{api}/supplier-tiers")));
        Assert.True(tiers.GetProperty("isDefault").GetBoolean());
        var withoutImportant = """[{"key":"critical","name":"Critical","criteria":"Customer data","reviewMonths":6}]""";
        var tierRefusal = await ReadAsync(await owner.SendAsync(Put($"{api}/supplier-tiers", withoutImportant, 0)), HttpStatusCode.BadRequest);
        Assert.Contains(tierRefusal.GetProperty("errors").GetProperty("tiers").EnumerateArray(), e => e.GetString() == "Tier 'important' is still used by suppliers; move them to another tier first.");
        var saved = await ReadAsync(await owner.SendAsync(Put($"{api}/supplier-tiers", """[{"key":"critical","name":"Critical","reviewMonths":6},{"key":"important","name":"Important","reviewMonths":18}]""", 0)));
        Assert.Equal((1, false), (saved.GetProperty("version").GetInt32(), saved.GetProperty("isDefault").GetBoolean()));
        Assert.Equal(18, (await ReadAsync(await owner.GetAsync(Url(appUrl)))).GetProperty("tier").GetProperty("reviewMonths").GetInt32());

        // The other organization cannot name this one's supplier as a sub-processor: keys resolve inside the tenant.
        using var outsider = host.Client(host.TokenB);
        Assert.Equal(["subProcessors"], ErrorFields(await ReadAsync(await outsider.PostAsync(Url($"/api/orgs/{host.OrganizationB}/suppliers"), Json("""{"name":"Copy","kind":"other","tier":"low","subProcessors":["SUP-6"]}""")), HttpStatusCode.BadRequest)));

        // Every change is in the audit trail, in both databases.
        var events = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            return await s.GetRequiredService<HarmoniaDbContext>().AuditEvents.Where(e => e.EntityType.StartsWith("Supplier")).Select(e => e.EntityType + " " + e.Action).ToListAsync();
        });
        Assert.Contains("SupplierRecord deleted", events);
        Assert.Contains("SupplierSubProcessorLink deleted", events);
        Assert.Contains("SupplierTiersRecord created", events);
    }
}
