using System.Net;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Evidence;

/// <summary>Issue 19 item 6: the evidence list sorts by its columns, pages by the size chosen and exports the view shown.</summary>
public sealed class EvidenceListViewTests
{
    /// <summary>Three links whose titles share "Zebra view", expiring in 2030, 2028 and 2029.</summary>
    private static async Task SeedAsync(ApiHost host)
    {
        var control = await host.NewControlAsync(host.OrganizationA);
        foreach (var (title, expires) in new[] { ("Zebra view beta", new DateOnly(2030, 1, 1)), ("Zebra view alpha", new DateOnly(2028, 1, 1)), ("Zebra view gamma", new DateOnly(2029, 1, 1)) })
        {
            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            await scope.ServiceProvider.GetRequiredService<AddEvidenceHandler>().HandleAsync(control, new EvidenceInput(title, "https://intranet.example/" + title.Replace(' ', '-'), null, new DateOnly(2026, 1, 1), expires), null);
        }
    }

    private static string[] Titles(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..].Select(r => r.Split(',')[1]).ToArray();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_export_of_a_filtered_sorted_view_holds_exactly_its_rows_in_order_and_a_foreign_organization_is_not_found(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        await SeedAsync(host);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var api = $"/api/orgs/{host.OrganizationA}";

        Assert.Equal(["Zebra view beta", "Zebra view gamma", "Zebra view alpha"], Titles(await viewer.GetStringAsync(Url($"{api}/evidence/export/csv?search=Zebra%20view&sort=-expires"))));
        Assert.Equal(["Zebra view alpha", "Zebra view beta", "Zebra view gamma"], Titles(await viewer.GetStringAsync(Url($"{api}/evidence/export/csv?search=Zebra%20view&sort=title"))));
        var listed = JsonDocument.Parse(await viewer.GetStringAsync(Url($"{api}/evidence?search=Zebra%20view&sort=-title&pageSize=2"))).RootElement;
        Assert.Equal(["Zebra view gamma", "Zebra view beta"], listed.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("title").GetString()));
        Assert.Equal(3, listed.GetProperty("total").GetInt32());

        using var unknown = await viewer.GetAsync(Url($"{api}/evidence/export/csv?sort=colour"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var foreign = await viewer.GetAsync(Url($"/api/orgs/{host.OrganizationB}/evidence/export/csv?search=Zebra"));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var outsider = host.Client(host.TokenB);
        using var other = await outsider.GetAsync(Url($"{api}/evidence/export/csv"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task The_page_sorts_by_its_headers_keeps_search_and_size_and_downloads_the_view()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        await SeedAsync(host);
        using var browser = await host.SignedInAsync("viewer@a.example");
        var list = $"/orgs/{host.OrganizationA}/evidence";

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{list}?search=Zebra%20view&sort=-expires&size=25")));
        Assert.True(page.IndexOf("Zebra view beta", StringComparison.Ordinal) < page.IndexOf("Zebra view alpha", StringComparison.Ordinal), "latest expiry first");
        Assert.Contains("<option value=\"25\" selected", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{list}?freshness=All&search=Zebra%20view&sort=expires&size=25\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{list}/export/csv?freshness=All&search=Zebra%20view&sort=-expires\"", page, StringComparison.Ordinal);
        Assert.Equal(["Zebra view beta", "Zebra view gamma", "Zebra view alpha"], Titles(await browser.GetStringAsync(Url($"{list}/export/csv?freshness=All&search=Zebra%20view&sort=-expires"))));
        Assert.Contains("<option value=\"50\" selected", await browser.GetStringAsync(Url($"{list}?size=3&sort=colour")), StringComparison.Ordinal);
    }
}
