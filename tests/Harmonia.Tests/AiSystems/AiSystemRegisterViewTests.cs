using System.Net;
using System.Text;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.AiSystems;

/// <summary>Issue 19 item 6: the AI system register sorts, filters, pages, hides columns and downloads the view shown.</summary>
public sealed class AiSystemRegisterViewTests
{
    private static async Task SeedAsync(ApiHost host)
    {
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        foreach (var (key, name, stage) in new[] { ("AI-71", "Churn model", "retirement"), ("AI-72", "Answer bot", "retirement"), ("AI-73", "Batch scorer", "retirement"), ("AI-74", "Zeta ranker", "design") })
        {
            using var created = await owner.PostAsync(Url($"/api/orgs/{host.OrganizationA}/ai-systems"), new StringContent(
                $$"""{"key":"{{key}}","name":"{{name}}","roles":["ai-developer"],"lifecycleStage":"{{stage}}"}""", Encoding.UTF8, "application/json"));
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
    }

    private static string[] Keys(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..].Select(r => r.Split(',')[0]).ToArray();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_export_of_a_filtered_sorted_view_holds_exactly_its_rows_in_order_and_a_foreign_organization_is_not_found(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        await SeedAsync(host);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var api = $"/api/orgs/{host.OrganizationA}";

        Assert.Equal(["AI-71", "AI-73", "AI-72"], Keys(await viewer.GetStringAsync(Url($"{api}/ai-systems/export/csv?stage=retirement&sort=-name"))));
        Assert.Equal(["AI-72", "AI-73", "AI-71"], Keys(await viewer.GetStringAsync(Url($"{api}/ai-systems/export/csv?stage=retirement&sort=name"))));
        using var xlsx = await viewer.GetAsync(Url($"{api}/ai-systems/export/xlsx?stage=retirement"));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        // The list answers in the same order; a page size and the second page keep it.
        var listed = await viewer.GetStringAsync(Url($"{api}/ai-systems?stage=retirement&sort=-name&pageSize=2&page=2"));
        Assert.Contains("\"AI-72\"", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("\"AI-71\"", listed, StringComparison.Ordinal);

        // Unknown sort, filter or format: a problem naming what is allowed, never a 500.
        foreach (var bad in new[] { "csv?sort=colour", "csv?stage=dreaming", "csv?assessment=maybe", "docx" })
        {
            using var refused = await viewer.GetAsync(Url($"{api}/ai-systems/export/{bad}"));
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {(int)refused.StatusCode}");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using var foreign = await viewer.GetAsync(Url($"/api/orgs/{host.OrganizationB}/ai-systems/export/csv?stage=retirement"));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var outsider = host.Client(host.TokenB);
        using var other = await outsider.GetAsync(Url($"{api}/ai-systems/export/csv"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task The_page_keeps_filter_order_size_and_columns_in_its_links_and_downloads_the_view()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        await SeedAsync(host);
        using var browser = await host.SignedInAsync("viewer@a.example");
        var list = $"/orgs/{host.OrganizationA}/ai-systems";

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{list}?stage=retirement&sort=-name&size=25&cols=key&cols=name")));
        Assert.True(page.IndexOf("Churn model", StringComparison.Ordinal) < page.IndexOf("Answer bot", StringComparison.Ordinal), "sorted by name, descending");
        Assert.DoesNotContain("Zeta ranker", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"25\" selected", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{list}?stage=retirement&assessment=&sort=name&size=25&cols=key&cols=name\"", page, StringComparison.Ordinal);
        // Hidden columns have no header (so no sort link) and are offered unticked; the shown ones stay ticked.
        Assert.DoesNotContain("sort=assessment&", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sort=stage&", page, StringComparison.Ordinal);
        Assert.Matches("id=\"cols-assessment\" name=\"cols\" value=\"assessment\"\\s*/?>", page);
        Assert.Contains("id=\"cols-name\" name=\"cols\" value=\"name\" checked", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{list}/export/csv?stage=retirement&assessment=&sort=-name\"", page, StringComparison.Ordinal);
        Assert.Equal(["AI-71", "AI-73", "AI-72"], Keys(await browser.GetStringAsync(Url($"{list}/export/csv?stage=retirement&assessment=&sort=-name"))));

        // Edited addresses fall back: an unknown size, order or column; a filter naming nothing says why.
        var fallback = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{list}?size=7&sort=colour&cols=shoe")));
        Assert.Contains("<option value=\"50\" selected", fallback, StringComparison.Ordinal);
        Assert.Contains("Zeta ranker", fallback, StringComparison.Ordinal);
        Assert.Contains("stage is one of", WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"{list}?stage=dreaming"))), StringComparison.Ordinal);
    }
}
