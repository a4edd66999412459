using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Comments;

/// <summary>
/// Issue 14 item 7: a thread per record through the API and the record pages; @mentions notify the member (inbox and
/// e-mail through a real SMTP server); a mention of nobody is refused and changes nothing; only the author edits, the
/// author or a moderator deletes; the audit trail keeps every version; foreign records and organizations answer 404.
/// </summary>
public sealed class CommentTests
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_mention_notifies_the_member_and_the_thread_keeps_its_history(DatabaseProvider provider)
    {
        await using var smtp = SmtpSink.Start();
        await using var host = await ApiHost.StartAsync(provider, smtp.Settings);
        var org = host.OrganizationA;
        var control = await host.NewControlAsync(org);
        var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);

        // A mention of nobody is refused, naming the mention, and adds nothing.
        var refused = await manager.PostAsync(Url($"/api/orgs/{org}/comments"), Json($$"""{"recordType":"control","recordId":"{{control}}","body":"Please check, @nobody"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("@nobody is no member", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var empty = await ReadAsync(await manager.GetAsync(Url($"/api/orgs/{org}/comments?recordType=control&recordId={control}")));
        Assert.Empty(empty.GetProperty("comments").EnumerateArray());

        var comment = await ReadAsync(await manager.PostAsync(Url($"/api/orgs/{org}/comments"),
            Json($$"""{"recordType":"control","recordId":"{{control}}","body":"@contributor please attach the Q4 access review (cc @viewer@a.example)"}""")), HttpStatusCode.Created);
        Assert.Equal(["contributor@a.example", "viewer@a.example"], comment.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()!).Order(StringComparer.Ordinal));

        // The mentioned members find it in their inbox, and the e-mail reaches the SMTP server once.
        var inbox = await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{org}/notifications?unread=true")));
        var notice = inbox.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("subject").GetString()!.Contains("mentioned you", StringComparison.Ordinal));
        Assert.Equal($"/orgs/{org}/controls/{control}", notice.GetProperty("link").GetString());
        await host.Services.GetRequiredService<ReminderJobs>().DeliverAllAsync(CancellationToken.None);
        Assert.Single(smtp.Messages, m => m.To.Mailboxes.Single().Address == "contributor@a.example" && (m.Subject ?? string.Empty).Contains("mentioned you", StringComparison.Ordinal));

        // Only the author changes it; the change mentions nobody new, so nobody is notified twice.
        var id = comment.GetProperty("id").GetGuid();
        using (var foreignEdit = new HttpRequestMessage(HttpMethod.Put, Url($"/api/orgs/{org}/comments/{id}")) { Content = Json("""{"body":"rewritten by someone else"}""") })
        {
            foreignEdit.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
            Assert.Equal(HttpStatusCode.Forbidden, (await contributor.SendAsync(foreignEdit)).StatusCode);
        }

        using (var edit = new HttpRequestMessage(HttpMethod.Put, Url($"/api/orgs/{org}/comments/{id}")) { Content = Json("""{"body":"@contributor please attach the Q4 access review minutes (cc @viewer@a.example)"}""") })
        {
            edit.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
            Assert.Equal(2, (await ReadAsync(await manager.SendAsync(edit))).GetProperty("version").GetInt32());
        }

        await host.Services.GetRequiredService<ReminderJobs>().DeliverAllAsync(CancellationToken.None);
        Assert.Single(smtp.Messages, m => m.To.Mailboxes.Single().Address == "contributor@a.example");

        // A Viewer may not delete someone else's comment; the author may, and the thread keeps its place without the text.
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(host.TokensA[OrganizationRole.Viewer]).DeleteAsync(Url($"/api/orgs/{org}/comments/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync(Url($"/api/orgs/{org}/comments/{id}"))).StatusCode);
        var thread = await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{org}/comments?recordType=control&recordId={control}")));
        var deleted = thread.GetProperty("comments").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, deleted.GetProperty("body").ValueKind);
        Assert.NotNull(deleted.GetProperty("deletedBy").GetString());

        // The audit trail keeps the first text, the change and the deletion.
        var trail = await (await host.Client(host.TokensA[OrganizationRole.Owner]).GetAsync(Url($"/api/orgs/{org}/audit-trail?pageSize=200"))).Content.ReadAsStringAsync();
        Assert.Contains("please attach the Q4 access review (cc", trail, StringComparison.Ordinal);
        Assert.Contains("please attach the Q4 access review minutes", trail, StringComparison.Ordinal);

        // Another organization sees nothing of it, and cannot comment on this organization's records.
        var other = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Url($"/api/orgs/{org}/comments?recordType=control&recordId={control}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(Url($"/api/orgs/{host.OrganizationB}/comments"), Json($$"""{"recordType":"control","recordId":"{{control}}","body":"hello"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync(Url($"/api/orgs/{org}/comments"), Json($$"""{"recordType":"spaceship","recordId":"{{control}}","body":"hello"}"""))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_record_page_shows_the_thread_and_takes_a_comment(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var org = host.OrganizationA;
        var control = await host.NewControlAsync(org);
        var browser = await host.SignedInAsync("contributor@a.example");
        var page = await browser.GetStringAsync(Url($"/orgs/{org}/controls/{control}"));
        Assert.Contains("id=\"comments\"", page, StringComparison.Ordinal);
        var form = ApiHost.HiddenFields(page);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form["__RequestVerificationToken"],
            ["recordType"] = "control",
            ["recordId"] = control.ToString(),
            ["returnTo"] = $"/orgs/{org}/controls/{control}",
            ["body"] = "Seen in the walkthrough, @nobody",
        };

        // A refused comment comes back to the page with the message beside the box and the text kept.
        using var refused = await browser.PostAsync(Url($"/orgs/{org}/comments/add"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var again = await browser.GetStringAsync(refused.Headers.Location!);
        Assert.Contains("@nobody is no member", again, StringComparison.Ordinal);
        Assert.Contains("Seen in the walkthrough, @nobody</textarea>", again, StringComparison.Ordinal);

        fields["body"] = "Seen in the walkthrough, all good.";
        fields["returnTo"] = "https://evil.example/";
        using var added = await browser.PostAsync(Url($"/orgs/{org}/comments/add"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.StartsWith($"/orgs/{org}", added.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var withComment = await browser.GetStringAsync(Url($"/orgs/{org}/controls/{control}"));
        Assert.Contains("Seen in the walkthrough, all good.", withComment, StringComparison.Ordinal);

        // The author changes it on the page; the page shows the new text and when it was changed.
        var commentId = System.Text.RegularExpressions.Regex.Match(withComment, "action=\"/orgs/[^/]+/comments/([0-9a-f-]{36})/edit\"").Groups[1].Value;
        Assert.NotEmpty(commentId);
        var edit = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ApiHost.HiddenFields(withComment)["__RequestVerificationToken"],
            ["returnTo"] = $"/orgs/{org}/controls/{control}",
            ["version"] = "1",
            ["body"] = "Seen in the walkthrough; the log review is monthly.",
        };
        using var changed = await browser.PostAsync(Url($"/orgs/{org}/comments/{commentId}/edit"), new FormUrlEncodedContent(edit));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await browser.GetStringAsync(changed.Headers.Location!);
        Assert.Contains("Seen in the walkthrough; the log review is monthly.", after, StringComparison.Ordinal);
        Assert.Contains("(changed ", after, StringComparison.Ordinal);

        // Someone else sees no form to change it, and a post of theirs is refused.
        var other = await host.SignedInAsync("manager@a.example");
        var seen = await other.GetStringAsync(Url($"/orgs/{org}/controls/{control}"));
        Assert.DoesNotContain($"/comments/{commentId}/edit", seen, StringComparison.Ordinal);
        edit["__RequestVerificationToken"] = ApiHost.HiddenFields(seen)["__RequestVerificationToken"];
        edit["version"] = "2";
        using var refusedEdit = await other.PostAsync(Url($"/orgs/{org}/comments/{commentId}/edit"), new FormUrlEncodedContent(edit));
        Assert.Equal(HttpStatusCode.Forbidden, refusedEdit.StatusCode);
    }
}
