using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Suppliers;

/// <summary>Issue 19 item 6: the supplier register sorts, pages, hides columns and exports the filtered, sorted view.</summary>
public sealed class SupplierRegisterViewTests
{
    /// <summary>Three outsourced processes; returns their keys by name.</summary>
    private static async Task<Dictionary<string, string>> SeedAsync(ApiHost host)
    {
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "Payroll Bureau", "Archive Scanning Co", "Mail Room Services" })
        {
            using var created = await owner.PostAsync(Url($"/api/orgs/{host.OrganizationA}/suppliers"), new StringContent(
                $$"""{"name":"{{name}}","kind":"outsourced-process","tier":"important","status":"active"}""", Encoding.UTF8, "application/json"));
            var body = await created.Content.ReadAsStringAsync();
            Assert.True(created.StatusCode == HttpStatusCode.Created, body);
            keys[name] = JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
        }

        return keys;
    }

    private static string[] Keys(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..].Select(r => r.Split(',')[0]).ToArray();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_export_of_a_filtered_sorted_view_holds_exactly_its_rows_in_order_and_a_foreign_organization_is_not_found(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var keys = await SeedAsync(host);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var api = $"/api/orgs/{host.OrganizationA}";

        string[] byNameDescending = [keys["Payroll Bureau"], keys["Mail Room Services"], keys["Archive Scanning Co"]];
        Assert.Equal(byNameDescending, Keys(await viewer.GetStringAsync(Url($"{api}/suppliers/export?format=csv&kind=outsourced-process&sort=-name"))));
        Assert.Equal(byNameDescending.Reverse(), Keys(await viewer.GetStringAsync(Url($"{api}/suppliers/export?format=csv&kind=outsourced-process&sort=name"))));
        var listed = JsonDocument.Parse(await viewer.GetStringAsync(Url($"{api}/suppliers?kind=outsourced-process&sort=-name"))).RootElement.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("key").GetString());
        Assert.Equal(byNameDescending, listed);

        // Keys sort by number, so SUP-10 would not come before SUP-2.
        var all = JsonDocument.Parse(await viewer.GetStringAsync(Url($"{api}/suppliers?sort=key&pageSize=200"))).RootElement.GetProperty("items").EnumerateArray().Select(s => int.Parse(s.GetProperty("key").GetString()!["SUP-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(all.Order(), all);

        using var unknown = await viewer.GetAsync(Url($"{api}/suppliers/export?format=csv&sort=colour"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("key, name, kind, tier, status, next, due", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var foreign = await viewer.GetAsync(Url($"/api/orgs/{host.OrganizationB}/suppliers/export?format=csv&sort=-name"));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var outsider = host.Client(host.TokenB);
        using var other = await outsider.GetAsync(Url($"{api}/suppliers/export?format=csv"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task The_page_sorts_by_its_headers_hides_columns_and_keeps_both_in_its_links()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var keys = await SeedAsync(host);
        using var browser = await host.SignedInAsync("viewer@a.example");
        var list = $"/orgs/{host.OrganizationA}/suppliers";

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{list}?kind=outsourced-process&sort=-name&size=100&cols=key&cols=name&cols=due")));
        Assert.True(page.IndexOf("Payroll Bureau", StringComparison.Ordinal) < page.IndexOf("Archive Scanning Co", StringComparison.Ordinal), "sorted by name, descending");
        Assert.Contains("<option value=\"100\" selected", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{list}?sort=name&size=100&kind=outsourced-process&cols=key&cols=name&cols=due\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sort=tier&", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{list}/export?format=csv&kind=outsourced-process&sort=-name\"", page, StringComparison.Ordinal);
        Assert.Equal([keys["Payroll Bureau"], keys["Mail Room Services"], keys["Archive Scanning Co"]], Keys(await browser.GetStringAsync(Url($"{list}/export?format=csv&kind=outsourced-process&sort=-name"))));

        // Every column is back when the address names none the register has; the key column cannot be hidden.
        var all = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{list}?cols=shoe")));
        Assert.Contains("sort=tier&", all, StringComparison.Ordinal);
        var keyOnly = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{list}?cols=name&cols=key")));
        Assert.Contains("aria-sort=\"ascending\"", keyOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cols-key\"", keyOnly, StringComparison.Ordinal);
    }
}
