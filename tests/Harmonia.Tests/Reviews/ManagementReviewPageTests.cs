using System.Net;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Reviews;

public sealed partial class AuditPageTests
{
    [Fact]
    public async Task A_management_review_is_recorded_from_its_page_with_the_inputs_as_assembled()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");
        using var contributor = await host.SignedInAsync("contributor@a.example");
        var page = $"/orgs/{host.OrganizationA}/management-reviews";
        var post = page + "/record";

        var before = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(page)));
        Assert.Contains("No previous management review is recorded.", before, StringComparison.Ordinal);
        Assert.Contains("AI system impact assessment results", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Record the review", await contributor.GetStringAsync(Url(page)), StringComparison.Ordinal);

        var refused = FormFields(before, "action=\"" + post + "\"");
        using (var response = await owner.PostAsync(Url(post), new FormUrlEncodedContent(refused)))
        {
            Assert.Contains("outcome=refused", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var form = FormFields(before, "action=\"" + post + "\"");
        Set(form, "heldOn", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Set(form, "attendees", "CEO, ISMS Manager");
        Set(form, "decisions", "Fund the impact assessments of both AI systems.");
        Set(form, "action0.description", "Assess AI-02");
        Set(form, "action0.owner", "AI Governance Lead");
        Set(form, "action0.due", DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        using (var response = await owner.PostAsync(Url(post), new FormUrlEncodedContent(form)))
        {
            var location = response.Headers.Location!.OriginalString;
            Assert.DoesNotContain("outcome=refused", location, StringComparison.Ordinal);
        }

        var after = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(page)));
        Assert.Contains("CEO, ISMS Manager", after, StringComparison.Ordinal);
        Assert.Contains("0 of 1 actions from the review of", after, StringComparison.Ordinal);
        Assert.Contains("Assess AI-02", after, StringComparison.Ordinal);

        // The open action is marked done from the list of open actions; the next review's inputs count it.
        var done = System.Text.RegularExpressions.Regex.Match(after, "action=\"(/orgs/[^\"]+/management-reviews/([0-9a-f-]{36})/actions/1/done)\"");
        Assert.True(done.Success, "no form to mark the action done");
        using (var viewer = await host.SignedInAsync("viewer@a.example"))
        {
            Assert.DoesNotContain("/actions/1/done", await viewer.GetStringAsync(Url(page)), StringComparison.Ordinal);
        }

        var markForm = FormFields(after, $"action=\"{done.Groups[1].Value}\"");
        Set(markForm, "note", "AI-02 assessed and approved.");
        using (var response = await owner.PostAsync(Url(done.Groups[1].Value), new FormUrlEncodedContent(markForm)))
        {
            Assert.Contains("outcome=saved", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var closed = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(page)));
        Assert.Contains("1 of 1 actions from the review of", closed, StringComparison.Ordinal);
        Assert.Contains("No action from a management review is open.", closed, StringComparison.Ordinal);
        Assert.Contains("AI-02 assessed and approved.", closed, StringComparison.Ordinal);
        using (var again = await owner.PostAsync(Url(done.Groups[1].Value), new FormUrlEncodedContent(markForm)))
        {
            Assert.Contains("already marked done", await owner.OutcomeAsync(again), StringComparison.Ordinal);
        }

        var minutes = await owner.GetAsync(Url($"{page}/{done.Groups[2].Value}/minutes/docx"));
        Assert.Equal(HttpStatusCode.OK, minutes.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", minutes.Content.Headers.ContentType?.MediaType);
    }
}
