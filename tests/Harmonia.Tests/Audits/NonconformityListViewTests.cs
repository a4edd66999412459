using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Audits;

/// <summary>Issue 19 item 6: the nonconformities sort by their columns, page by the size chosen and export the view shown.</summary>
public sealed class NonconformityListViewTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>An audit with three findings: NC-1 major "Backups…", NC-2 minor "Access…", NC-3 minor "Change…".</summary>
    private static async Task SeedAsync(ApiHost host)
    {
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var planned = await contributor.PostAsync(Url($"{api}/audits"), Json("""
            {"key":"IA-2026-09","title":"ISMS audit","frameworks":["iso27001-2022"],"criteria":"ISO/IEC 27001:2022","plannedStart":"2026-05-04","plannedEnd":"2026-05-08","auditors":["Lead auditor"]}
            """));
        var audit = JsonDocument.Parse(await planned.Content.ReadAsStringAsync()).RootElement;
        Assert.True(planned.StatusCode == HttpStatusCode.Created, audit.ToString());
        var url = $"{api}/audits/{audit.GetProperty("id").GetString()}";
        var items = JsonDocument.Parse(await contributor.GetStringAsync(Url(url))).RootElement.GetProperty("checklist").EnumerateArray().Select(r => r.GetProperty("item").GetProperty("key").GetString()!).Take(3).ToArray();
        foreach (var (item, grade, note) in items.Zip(new[] { ("MajorNonconformity", "Backups are never restored to test them."), ("MinorNonconformity", "Access reviews of two systems are missing."), ("MinorNonconformity", "Change log incomplete for March.") }, (i, g) => (i, g.Item1, g.Item2)))
        {
            using var recorded = await contributor.PostAsync(Url(url + "/results"), Json($$"""{"itemKey":"{{item}}","grade":"{{grade}}","note":"{{note}}"}"""));
            Assert.True(recorded.StatusCode == HttpStatusCode.OK, await recorded.Content.ReadAsStringAsync());
        }
    }

    private static string[] Keys(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..].Select(r => r.Split(',')[0]).ToArray();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_export_of_a_sorted_view_holds_exactly_its_rows_in_order_and_a_foreign_organization_is_not_found(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        await SeedAsync(host);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var api = $"/api/orgs/{host.OrganizationA}";

        Assert.Equal(["NC-2", "NC-1", "NC-3"], Keys(await viewer.GetStringAsync(Url($"{api}/nonconformities/export/csv?open=true&sort=finding"))));
        Assert.Equal(["NC-1", "NC-2", "NC-3"], Keys(await viewer.GetStringAsync(Url($"{api}/nonconformities/export/csv?sort=-grade"))));
        var listed = JsonDocument.Parse(await viewer.GetStringAsync(Url($"{api}/nonconformities?sort=-finding&pageSize=2"))).RootElement;
        Assert.Equal(["NC-3", "NC-1"], listed.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("key").GetString()));
        Assert.Equal(3, listed.GetProperty("total").GetInt32());

        using var unknown = await viewer.GetAsync(Url($"{api}/nonconformities/export/csv?sort=colour"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var document = await viewer.GetAsync(Url($"{api}/nonconformities/export/docx"));
        Assert.Equal(HttpStatusCode.BadRequest, document.StatusCode);

        using var foreign = await viewer.GetAsync(Url($"/api/orgs/{host.OrganizationB}/nonconformities/export/csv?sort=finding"));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var outsider = host.Client(host.TokenB);
        using var other = await outsider.GetAsync(Url($"{api}/nonconformities/export/csv"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task The_page_sorts_by_its_headers_with_the_size_kept_and_downloads_the_view()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        await SeedAsync(host);
        using var browser = await host.SignedInAsync("viewer@a.example");
        var list = $"/orgs/{host.OrganizationA}/nonconformities";

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{list}?all=1&sort=finding&size=25")));
        Assert.True(page.IndexOf("Access reviews", StringComparison.Ordinal) < page.IndexOf("Backups are never", StringComparison.Ordinal), "sorted by finding");
        Assert.Contains("<option value=\"25\" selected", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{list}?all=1&sort=-finding&size=25\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{list}/export/xlsx?all=1&sort=finding\"", page, StringComparison.Ordinal);
        Assert.Equal(["NC-2", "NC-1", "NC-3"], Keys(await browser.GetStringAsync(Url($"{list}/export/csv?all=1&sort=finding"))));
        Assert.Contains("<option value=\"50\" selected", await browser.GetStringAsync(Url($"{list}?size=3&sort=colour")), StringComparison.Ordinal);
    }
}
