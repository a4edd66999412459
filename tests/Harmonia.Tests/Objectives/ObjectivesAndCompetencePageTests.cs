using System.Globalization;
using System.Net;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Objectives;

public sealed partial class AuditPageTests
{
    private static string Today(int offset = 0) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_objective_is_set_and_measured_through_its_page_and_drawn_as_a_sparkline()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var contributor = await host.SignedInAsync("contributor@a.example");
        using var viewer = await host.SignedInAsync("viewer@a.example");
        var page = $"/orgs/{host.OrganizationA}/objectives";

        var empty = await contributor.GetStringAsync(Url(page));
        Assert.Contains("No objectives yet.", empty, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{page}\" aria-current=\"page\">Objectives</a>", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("Set the objective", await viewer.GetStringAsync(Url(page)), StringComparison.Ordinal);

        var form = FormFields(empty, $"action=\"{page}/add\"");
        Set(form, "title", "Staff <trained> & aware");
        Set(form, "measure", "Share of staff with a passed awareness course");
        Set(form, "unit", "%");
        Set(form, "target", "nine");
        Set(form, "owner", "CISO");
        using (var refused = await contributor.PostAsync(Url($"{page}/add"), new FormUrlEncodedContent(form)))
        {
            var location = refused.Headers.Location!.OriginalString;
            Assert.Contains("outcome=refused", location, StringComparison.Ordinal);
            Assert.Contains("&#x27;nine&#x27; is not a number", await contributor.GetStringAsync(Url(location)), StringComparison.Ordinal);
        }

        Set(form, "target", "95");
        using (var saved = await contributor.PostAsync(Url($"{page}/add"), new FormUrlEncodedContent(form)))
        {
            Assert.DoesNotContain("outcome=refused", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var listed = await contributor.GetStringAsync(Url(page));
        Assert.Contains("<tr id=\"O-1\">", listed, StringComparison.Ordinal);
        Assert.Contains("Staff &lt;trained&gt; &amp; aware", listed, StringComparison.Ordinal);
        Assert.Contains("No measurement yet", listed, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"sparkline\"", listed, StringComparison.Ordinal);
        Assert.Contains("O-1 Staff &lt;trained&gt; &amp; aware: no measurements yet; target at least 95 %", listed, StringComparison.Ordinal);

        foreach (var (day, value) in new[] { (-60, "88"), (-5, "97.5") })
        {
            var measure = FormFields(listed, "/measure\"");
            Set(measure, "measuredOn", Today(day));
            Set(measure, "value", value);
            using var response = await contributor.PostAsync(Url(ActionOf(listed, "/measure\"")), new FormUrlEncodedContent(measure));
            Assert.DoesNotContain("outcome=refused", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            listed = await contributor.GetStringAsync(Url(page));
        }

        Assert.Contains("<span class=\"badge s\">Met</span>", listed, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"series\"", listed, StringComparison.Ordinal);
        Assert.Contains("class=\"point not-met\"", listed, StringComparison.Ordinal);
        Assert.Contains("class=\"point met\"", listed, StringComparison.Ordinal);
        Assert.Contains("improving", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_people_and_evidence_are_added_through_the_competence_page_and_the_gap_matrix_follows()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var contributor = await host.SignedInAsync("contributor@a.example");
        var page = $"/orgs/{host.OrganizationA}/competence";

        var html = await contributor.GetStringAsync(Url(page));
        Assert.Contains("AI ethics and fairness", html, StringComparison.Ordinal);
        var role = FormFields(html, $"action=\"{page}/roles/add\"");
        Set(role, "name", "AI engineer");
        role.Add(new("requiredCompetences", "machine-learning"));
        role.Add(new("requiredCompetences", "ai-ethics"));
        using (var response = await contributor.PostAsync(Url($"{page}/roles/add"), new FormUrlEncodedContent(role)))
        {
            Assert.DoesNotContain("outcome=refused", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // The same name again is refused with a message on the page.
        using (var duplicate = await contributor.PostAsync(Url($"{page}/roles/add"), new FormUrlEncodedContent(role)))
        {
            Assert.Contains("already exists", WebUtility.HtmlDecode(await contributor.GetStringAsync(Url(duplicate.Headers.Location!.OriginalString))), StringComparison.Ordinal);
        }

        var person = FormFields(await contributor.GetStringAsync(Url(page)), $"action=\"{page}/people/add\"");
        Set(person, "name", "Grace Hopper");
        person.Add(new("roles", "AI engineer"));
        using (var response = await contributor.PostAsync(Url($"{page}/people/add"), new FormUrlEncodedContent(person)))
        {
            Assert.DoesNotContain("outcome=refused", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        html = await contributor.GetStringAsync(Url(page));
        Assert.Equal(2, TextCount.Occurrences(html, "data-state=\"Missing\""));

        var evidence = FormFields(html, $"action=\"{page}/evidence/add\"");
        Set(evidence, "competence", "machine-learning");
        Set(evidence, "kind", "qualification");
        Set(evidence, "title", "Machine learning engineer certificate");
        Set(evidence, "obtainedOn", Today(-30));
        using (var response = await contributor.PostAsync(Url($"{page}/evidence/add"), new FormUrlEncodedContent(evidence)))
        {
            Assert.DoesNotContain("outcome=refused", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // A person id of another organization is not found, and nothing is recorded.
        Set(evidence, "personId", Guid.NewGuid().ToString());
        using (var foreign = await contributor.PostAsync(Url($"{page}/evidence/add"), new FormUrlEncodedContent(evidence)))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        html = await contributor.GetStringAsync(Url(page));
        Assert.Equal(1, TextCount.Occurrences(html, "data-state=\"Covered\""));
        Assert.Equal(1, TextCount.Occurrences(html, "data-state=\"Missing\""));
        Assert.Equal(1, TextCount.Occurrences(html, "Machine learning engineer certificate <span"));
    }

    private static string ActionOf(string html, string marker)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        var start = html.LastIndexOf("action=\"", at, StringComparison.Ordinal) + "action=\"".Length;
        return html[start..html.IndexOf('"', start)];
    }
}
