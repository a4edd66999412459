using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Documents;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Organizations;

/// <summary>Issue 19 item 3: the dashboard leads with what to do next, derived from the data, for the person looking.</summary>
public sealed class NextStepsTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_document_in_review_is_a_next_step_for_an_approver_who_did_not_write_it_and_the_feed_names_people()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        Assert.Equal(HttpStatusCode.OK, (await contributor.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Json(DocumentControlTests.AcmeAnswersJson()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await contributor.PostAsync(new Uri($"{api}/documents/generate", UriKind.Relative), Json("""{"templateIds":["ai-policy"]}"""))).StatusCode);
        var list = JsonDocument.Parse(await contributor.GetStringAsync(new Uri($"{api}/documents", UriKind.Relative))).RootElement;
        var id = list.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("templateId").GetString() == "ai-policy").GetProperty("documentId").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PostAsync(new Uri($"{api}/documents/{id}/submit", UriKind.Relative), Json("""{"change":"material"}"""))).StatusCode);

        using var owner = await host.SignedInAsync("owner@a.example");
        var dashboard = WebUtility.HtmlDecode(await owner.GetStringAsync(new Uri($"/orgs/{host.OrganizationA}", UriKind.Relative)));
        var next = dashboard[dashboard.IndexOf("What to do next", StringComparison.Ordinal)..dashboard.IndexOf("</section>", dashboard.IndexOf("What to do next", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Contains($"<a href=\"/orgs/{host.OrganizationA}/documents/{id}\">Review and approve 1 document written by others:", next, StringComparison.Ordinal);
        Assert.Contains("Stage 1:", next, StringComparison.Ordinal);
        Assert.True(dashboard.IndexOf("What to do next", StringComparison.Ordinal) < dashboard.IndexOf("requirements met", StringComparison.Ordinal), "the next steps lead the dashboard");

        // The activity feed reads as sentences about people, not "user:" accounts.
        var feed = dashboard[dashboard.IndexOf("Recent activity", StringComparison.Ordinal)..];
        Assert.Contains("contributor@a.example created", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("user:contributor@a.example", feed, StringComparison.Ordinal);

        // The author sees no approval step for the document they wrote.
        using var author = await host.SignedInAsync("contributor@a.example");
        var theirs = WebUtility.HtmlDecode(await author.GetStringAsync(new Uri($"/orgs/{host.OrganizationA}", UriKind.Relative)));
        Assert.DoesNotContain("Review and approve", theirs, StringComparison.Ordinal);
    }
}
