using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Audits;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Audits;

/// <summary>Issue 19 item 7: several checklist items graded in one step, each by the rules of one result, all or none.</summary>
public sealed class BulkGradingTests
{
    private static readonly string[] Scope = ["iso27001-2022:5.2", "iso27001-2022:5.3", "iso27001-2022:6.2", "iso27001-2022:7.2"];

    private static Task<Guid> AuditAsync(ApiHost host) => host.WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
        var audit = await s.GetRequiredService<PlanAuditHandler>().HandleAsync(new(
            "IA-BULK", "Clause audit", null, Scope, null, null, null, null, new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 5), ["Internal auditor"]));
        return audit.Id;
    });

    [Fact]
    public async Task Ticked_items_get_one_result_through_the_page_and_a_refusal_keeps_the_ticks()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var audit = await AuditAsync(host);
        using var owner = await host.SignedInAsync("owner@a.example");
        var page = $"/orgs/{host.OrganizationA}/audits/{audit}";

        var html = await owner.GetStringAsync(Url(page));
        var keys = Regex.Matches(html, "name=\"items\" value=\"([^\"]+)\" form=\"bulk-grade\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(Scope.Length, keys.Length);

        // An observation without a note is refused as a whole; the ticks, the result and what was sampled stay.
        var form = FormFields(html, "id=\"bulk-grade\"");
        Set(form, "bulkGrade", "Observation");
        Set(form, "bulkSampled", "Minutes of March");
        form.AddRange(keys.Take(3).Select(k => new KeyValuePair<string, string>("items", k)));
        using var refused = await owner.PostAsync(Url($"{page}/results/bulk"), new FormUrlEncodedContent(form));
        var back = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(refused.Headers.Location!.OriginalString)));
        Assert.Contains("says what was found", back, StringComparison.Ordinal);
        Assert.Contains("value=\"Minutes of March\"", back, StringComparison.Ordinal);
        Assert.Contains("value=\"Observation\" selected", back, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(back, "form=\"bulk-grade\" checked"));
        Assert.DoesNotContain("badge", Regex.Match(back, "<tbody>.*</tbody>", RegexOptions.Singleline).Value.Replace("badge n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        Set(form, "bulkNote", "Roles are described; the deputies are not named.");
        using var saved = await owner.PostAsync(Url($"{page}/results/bulk"), new FormUrlEncodedContent(form));
        Assert.EndsWith("#checklist", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var done = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(saved.Headers.Location!.OriginalString)));
        Assert.Contains("3 items recorded as observation (5.2, 5.3, 6.2)", done, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(done, ">Observation</span>"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_api_records_several_results_all_or_none_and_opens_one_nonconformity_per_item(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var audit = await AuditAsync(host);
        using var auditor = host.Client(host.TokensA[OrganizationRole.Auditor]);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var url = Url($"/api/orgs/{host.OrganizationA}/audits/{audit}/results/bulk");
        var checklist = JsonDocument.Parse(await auditor.GetStringAsync(Url($"/api/orgs/{host.OrganizationA}/audits/{audit}"))).RootElement;
        var keys = checklist.GetProperty("checklist").EnumerateArray().Select(i => i.GetProperty("item").GetProperty("key").GetString()!).ToArray();

        static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

        // One unknown item refuses the lot: nothing is recorded.
        using var unknown = await auditor.PostAsync(url, Json(new { itemKeys = new[] { keys[0], "item-nope" }, grade = "Conforming" }));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("item-nope", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var empty = await auditor.PostAsync(url, Json(new { itemKeys = Array.Empty<string>(), grade = "Conforming" }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(url, Json(new { itemKeys = keys, grade = "Conforming" }))).StatusCode);
        var after = JsonDocument.Parse(await auditor.GetStringAsync(Url($"/api/orgs/{host.OrganizationA}/audits/{audit}"))).RootElement;
        Assert.All(after.GetProperty("checklist").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("result").ValueKind));

        using var conforming = await auditor.PostAsync(url, Json(new { itemKeys = keys[..2], grade = "Conforming", sampled = "Policy v3" }));
        Assert.Equal(HttpStatusCode.OK, conforming.StatusCode);
        using var minor = await auditor.PostAsync(url, Json(new { itemKeys = keys[2..], grade = "MinorNonconformity", note = "Not communicated to staff." }));
        var raised = JsonDocument.Parse(await minor.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, raised.GetProperty("recorded").GetInt32());
        var numbers = raised.GetProperty("raised").EnumerateArray().Select(n => n.GetString()).ToArray();
        Assert.Equal(2, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches("^NC-\\d+$", n));
        var graded = JsonDocument.Parse(await auditor.GetStringAsync(Url($"/api/orgs/{host.OrganizationA}/audits/{audit}"))).RootElement;
        Assert.Equal(["Conforming", "Conforming", "MinorNonconformity", "MinorNonconformity"],
            graded.GetProperty("checklist").EnumerateArray().Select(i => i.GetProperty("result").GetProperty("grade").GetString()!).ToArray());
    }
}
