using System.Net;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Risks;

/// <summary>Issue 19 item 6: registers sort by their columns, in the API and on the page, with the filters kept in the address.</summary>
public sealed class RegisterSortingTests
{
    private static async Task<JsonElement[]> ItemsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(Url(url));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var root = JsonDocument.Parse(body).RootElement;
        return (root.TryGetProperty("page", out var page) ? page : root).GetProperty("items").EnumerateArray().Select(i => i.Clone()).ToArray();
    }

    private static async Task SeedRisksAsync(ApiHost host)
    {
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        foreach (var (key, title, category, score) in new[] { ("R-S1", "Biased ranking", "fairness", 2), ("R-S2", "Avalanche of requests", "robustness", 4), ("R-S3", "Model theft", "robustness", 3), ("R-S4", "Unfair pricing", "fairness", 5) })
        {
            using var created = await manager.PostAsync(Url($"/api/orgs/{host.OrganizationA}/risks"), new StringContent($$"""
                {"key":"{{key}}","title":"{{title}}","categories":["{{category}}"],"riskSources":[],"aiSystems":[],"inherentLikelihood":{{score}},"inherentImpact":{{score}},"treatment":"accept","controls":[],"residualLikelihood":{{score}},"residualImpact":{{score}}}
                """, System.Text.Encoding.UTF8, "application/json"));
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Risks_and_controls_sort_by_any_sortable_column_both_ways_and_an_unknown_column_is_refused(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        await SeedRisksAsync(host);
        using var client = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var api = $"/api/orgs/{host.OrganizationA}";

        var byResidual = await ItemsAsync(client, $"{api}/risks?sort=-residual&pageSize=200");
        Assert.True(byResidual.Length > 2, "the sample has risks");
        var scores = byResidual.Select(r => r.GetProperty("residualLikelihood").GetInt32() * r.GetProperty("residualImpact").GetInt32()).ToArray();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.True(scores[0] > scores[^1], "the sample's residual scores differ");

        var byTitle = (await ItemsAsync(client, $"{api}/risks?sort=title&pageSize=200")).Select(r => r.GetProperty("title").GetString()!.ToLowerInvariant()).ToArray();
        Assert.Equal(byTitle.Order(StringComparer.Ordinal), byTitle);

        var controls = (await ItemsAsync(client, $"{api}/controls?sort=-name&pageSize=200")).Select(c => c.GetProperty("name").GetString()!.ToLowerInvariant()).ToArray();
        Assert.True(controls.Length > 2, "the sample has controls");
        Assert.Equal(controls.OrderDescending(StringComparer.Ordinal), controls);

        // Pages do not overlap under a sort with ties: the key breaks them.
        var first = (await ItemsAsync(client, $"{api}/controls?sort=status&pageSize=3&page=1")).Select(c => c.GetProperty("key").GetString());
        var second = (await ItemsAsync(client, $"{api}/controls?sort=status&pageSize=3&page=2")).Select(c => c.GetProperty("key").GetString());
        Assert.Empty(first.Intersect(second));

        using var unknown = await client.GetAsync(Url($"{api}/risks?sort=colour"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("key, title, inherent, treatment, residual, owner", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_page_sorts_by_its_headers_and_keeps_the_filter()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        await SeedRisksAsync(host);
        using var browser = await host.SignedInAsync("viewer@a.example");
        var risks = $"/orgs/{host.OrganizationA}/risks";

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{risks}?category=fairness&sort=-residual")));
        Assert.Contains("aria-sort=\"descending\"", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("Unfair pricing", StringComparison.Ordinal) < page.IndexOf("Biased ranking", StringComparison.Ordinal), "the higher residual risk comes first");
        Assert.DoesNotContain("Model theft", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{risks}?category=fairness&sort=residual&size=50\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{risks}?category=fairness&sort=title&size=50\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"sort\" value=\"-residual\"", page, StringComparison.Ordinal);

        // An old or mistyped address still opens the register in its default order.
        var fallback = await browser.GetStringAsync(Url($"{risks}?sort=colour"));
        Assert.Contains("aria-sort=\"ascending\"", fallback, StringComparison.Ordinal);

        var controls = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"/orgs/{host.OrganizationA}/controls?sort=owner")));
        Assert.Contains($"href=\"/orgs/{host.OrganizationA}/controls?status=&sort=-owner\"", controls, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filtered_sorted_view_downloads_as_a_spreadsheet_and_the_page_size_is_chosen()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        await SeedRisksAsync(host);
        using var client = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var api = $"/api/orgs/{host.OrganizationA}";

        var csv = await client.GetStringAsync(Url($"{api}/risks/treatment-plan/csv?category=fairness&sort=-title"));
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..];
        Assert.Equal(["R-S4", "R-S1"], rows.Select(r => r.Split(',')[0]));

        // The whole plan is unchanged without a view, and a document of a view is refused (it would read as the whole plan).
        var whole = await client.GetStringAsync(Url($"{api}/risks/treatment-plan/csv"));
        Assert.Contains("R-S3", whole, StringComparison.Ordinal);
        using var document = await client.GetAsync(Url($"{api}/risks/treatment-plan/docx?category=fairness"));
        Assert.Equal(HttpStatusCode.BadRequest, document.StatusCode);

        using var browser = await host.SignedInAsync("viewer@a.example");
        var risks = $"/orgs/{host.OrganizationA}/risks";
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{risks}?category=fairness&sort=-title&size=25")));
        Assert.Contains("<option value=\"25\" selected", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{risks}/treatment-plan/xlsx?category=fairness&key=&sort=-title\"", page, StringComparison.Ordinal);
        var viewFile = await browser.GetStringAsync(Url($"{risks}/treatment-plan/csv?category=fairness&key=&sort=-title"));
        Assert.Equal(rows, viewFile.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..]);

        // A size the page does not offer falls back to the default.
        Assert.Contains("<option value=\"50\" selected", await browser.GetStringAsync(Url($"{risks}?size=7")), StringComparison.Ordinal);
    }
}
