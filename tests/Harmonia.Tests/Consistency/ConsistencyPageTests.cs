using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Documents;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Consistency;

/// <summary>The consistency page, dashboard and documents page driven as a browser would.</summary>
public sealed class ConsistencyPageTests
{
    [Fact]
    public async Task A_contradiction_shows_on_the_dashboard_and_documents_page_and_is_acknowledged_on_its_page_without_losing_the_reason()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var answers = JsonNode.Parse(DocumentControlTests.AcmeAnswersJson())!;
        answers["answers"]!["ai.high_impact"] = false;
        using (var saved = await contributor.PutAsync(Url($"/api/orgs/{host.OrganizationA}/answers"), new StringContent(answers.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        using var owner = await host.SignedInAsync("owner@a.example");
        var org = host.OrganizationA;
        var dashboard = WebUtility.HtmlDecode(await owner.GetStringAsync(Url($"/orgs/{org}")));
        Assert.Contains("1 open", dashboard, StringComparison.Ordinal);
        Assert.Contains("shapes significant decisions", dashboard, StringComparison.Ordinal);
        Assert.Contains("publication blocked: 1 contradiction", WebUtility.HtmlDecode(await owner.GetStringAsync(Url($"/orgs/{org}/documents"))), StringComparison.Ordinal);

        var page = $"/orgs/{org}/consistency";
        var html = await owner.GetStringAsync(Url(page));
        Assert.Contains($"href=\"/orgs/{org}/ai-systems/", html, StringComparison.Ordinal);
        var form = FormFields(html, "value=\"high-impact-denied:AI-02\"");
        Set(form, "reason", "too short");
        using var refused = await owner.PostAsync(Url($"{page}/acknowledge"), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var back = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(refused.Headers.Location!.OriginalString)));
        Assert.Contains("at least 15 characters", back, StringComparison.Ordinal);
        Assert.Contains(">too short</textarea>", back, StringComparison.Ordinal);

        Set(form, "reason", "Our bank customers take the credit decisions, not Acme.");
        using var accepted = await owner.PostAsync(Url($"{page}/acknowledge"), new FormUrlEncodedContent(form));
        var done = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(accepted.Headers.Location!.OriginalString)));
        Assert.Contains("Recorded the acknowledgement", done, StringComparison.Ordinal);
        Assert.Contains("Our bank customers take the credit decisions, not Acme.", done, StringComparison.Ordinal);
        Assert.Contains("0 open", WebUtility.HtmlDecode(await owner.GetStringAsync(Url($"/orgs/{org}"))), StringComparison.Ordinal);
    }
}
