using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Documents;

/// <summary>Issue 19 item 7: a whole pack submitted, approved and published from the list, each document still checked on its own.</summary>
public sealed class BulkDocumentTests
{
    [Fact]
    public async Task The_pack_is_submitted_approved_and_published_in_three_posts_and_the_author_never_approves_their_own()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var api = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var org = host.OrganizationA;
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync(new Uri($"/api/orgs/{org}/answers", UriKind.Relative), new StringContent(DocumentControlTests.AcmeAnswersJson(), Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync(new Uri($"/api/orgs/{org}/documents/generate", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
        var page = $"/orgs/{org}/documents";

        async Task<string> BulkAsync(HttpClient client, string verb, Func<string, bool>? pick = null)
        {
            var form = FormFields(await client.GetStringAsync(new Uri(page, UriKind.Relative)), "id=\"bulk\"");
            form.RemoveAll(f => f.Key == "documentId");
            var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "name=\"documentId\" value=\"([0-9a-f-]{36})\""))
            {
                if (pick?.Invoke(m.Groups[1].Value) ?? true)
                {
                    form.Add(new("documentId", m.Groups[1].Value));
                }
            }

            using var posted = await client.PostAsync(new Uri($"{page}/bulk/{verb}", UriKind.Relative), new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            return WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(posted.Headers.Location!.OriginalString, UriKind.Relative)));
        }

        var documents = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/orgs/{org}/documents?pageSize=200", UriKind.Relative))).RootElement
            .GetProperty("items").EnumerateArray().Count(d => d.GetProperty("documentId").ValueKind == JsonValueKind.String);
        Assert.True(documents >= 25, $"{documents} documents generated");

        using var contributor = await host.SignedInAsync("contributor@a.example");
        Assert.Contains($"{documents} of {documents} documents submitted for review", await BulkAsync(contributor, "submit"), StringComparison.Ordinal);

        // A contributor has no right to approve at all; the page does not offer it and the post is refused.
        Assert.DoesNotContain("bulk/approve", await contributor.GetStringAsync(new Uri(page, UriKind.Relative)), StringComparison.Ordinal);
        using (var forbidden = await contributor.PostAsync(new Uri($"{page}/bulk/approve", UriKind.Relative), new FormUrlEncodedContent(FormFields(await contributor.GetStringAsync(new Uri(page, UriKind.Relative)), "id=\"bulk\""))))
        {
            Assert.Equal("/forbidden", forbidden.Headers.Location!.AbsolutePath);
        }

        using var owner = await host.SignedInAsync("owner@a.example");
        Assert.Contains($"{documents} of {documents} documents approved", await BulkAsync(owner, "approve"), StringComparison.Ordinal);

        // Approving again is refused per document, with the reason, and changes nothing.
        var again = await BulkAsync(owner, "approve");
        Assert.Contains($"0 of {documents} documents approved; not done:", again, StringComparison.Ordinal);
        Assert.Contains("is approved, not in review", again, StringComparison.Ordinal);

        // Publishing renders two files per document, so it runs as a job: the post leads to the job's progress page.
        var publishForm = FormFields(await owner.GetStringAsync(new Uri(page, UriKind.Relative)), "id=\"bulk\"");
        publishForm.RemoveAll(f => f.Key == "documentId");
        publishForm.AddRange(System.Text.RegularExpressions.Regex.Matches(await owner.GetStringAsync(new Uri(page, UriKind.Relative)), "name=\"documentId\" value=\"([0-9a-f-]{36})\"").Select(m => new KeyValuePair<string, string>("documentId", m.Groups[1].Value)));
        using var publishing = await owner.PostAsync(new Uri($"{page}/bulk/publish", UriKind.Relative), new FormUrlEncodedContent(publishForm));
        Assert.Equal(HttpStatusCode.Redirect, publishing.StatusCode);
        var jobPage = publishing.Headers.Location!.OriginalString;
        Assert.Matches($"^/orgs/{org}/jobs/[0-9a-f-]{{36}}$", jobPage);
        var job = await Harmonia.Tests.Jobs.BackgroundJobTests.FinishedAsync(api, "/api" + jobPage);
        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(documents, job.GetProperty("completed").GetInt32());
        var published = WebUtility.HtmlDecode(await owner.GetStringAsync(new Uri(jobPage, UriKind.Relative)));
        var notice = System.Text.RegularExpressions.Regex.Match(published, "role=\"status\" class=\"job-status\">([^<]*)<").Groups[1].Value;
        Assert.Contains($"of {documents} documents published", notice, StringComparison.Ordinal);
        Assert.Contains($"Publish {documents} documents", published, StringComparison.Ordinal);
        var list = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/orgs/{org}/documents?pageSize=200", UriKind.Relative))).RootElement.GetProperty("items").EnumerateArray().ToArray();
        Assert.True(list.Count(d => d.GetProperty("published").ValueKind == JsonValueKind.Object) >= documents - 2, published);

        // Nothing ticked: a message, nothing changed.
        Assert.Contains("Tick the documents to act on.", await BulkAsync(owner, "publish", _ => false), StringComparison.Ordinal);
    }
}
