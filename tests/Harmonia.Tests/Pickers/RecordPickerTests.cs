using System.Net;
using System.Text.RegularExpressions;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Pickers;

/// <summary>
/// Issue 19 item 5: records are chosen from lists of the organization's own records, never typed as keys; a refused form
/// comes back with the same choices ticked; a choice that no longer exists stays visible as not found.
/// </summary>
public sealed partial class RecordPickerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_risk_form_offers_only_this_organizations_controls_ai_systems_and_members(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using (var other = host.Client(host.TokenB))
        {
            using var created = await other.PostAsync(Url($"/api/orgs/{host.OrganizationB}/controls"), new StringContent(
                """{"key":"C-ONLY-B","name":"A control of the other tenant","status":"planned","requirements":[]}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await host.NewAiSystemAsync(host.OrganizationA);
        using var owner = await host.SignedInAsync("owner@a.example");
        var html = WebUtility.HtmlDecode(await owner.GetStringAsync(Url($"/orgs/{host.OrganizationA}/risks")));

        var controls = Boxes(html, "controls");
        Assert.NotEmpty(controls);
        Assert.DoesNotContain("C-ONLY-B", controls);
        Assert.Equal(controls.Length, controls.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(Boxes(html, "aiSystems"), k => k.StartsWith("AI-", StringComparison.Ordinal));
        Assert.Contains("<option value=\"owner@a.example\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("owner@b.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("separated by commas", html, StringComparison.Ordinal);

        // The other organization (the same sample, without A's new AI system) sees its own control and one system fewer.
        using var otherOwner = await host.SignedInAsync("owner@b.example");
        var otherHtml = WebUtility.HtmlDecode(await otherOwner.GetStringAsync(Url($"/orgs/{host.OrganizationB}/risks")));
        Assert.Contains("C-ONLY-B", Boxes(otherHtml, "controls"));
        Assert.Equal(Boxes(html, "aiSystems").Length - 1, Boxes(otherHtml, "aiSystems").Length);
    }

    [Fact]
    public async Task A_refused_risk_keeps_its_ticked_choices_and_a_choice_that_is_gone_shows_as_not_found()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");
        var page = $"/orgs/{host.OrganizationA}/risks";
        var html = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(page)));
        var chosen = Boxes(html, "controls").Take(2).ToArray();
        Assert.Equal(2, chosen.Length);

        var form = FormFields(html, $"action=\"{page}/add\"");
        Set(form, "key", "R-PICK-1");
        form.AddRange(chosen.Select(c => new KeyValuePair<string, string>("controls", c)));
        form.Add(new("controls", "C-GONE"));
        Set(form, "treatment", "mitigate");

        // No title and no ratings: refused, and the page comes back with the boxes as they were ticked.
        using var refused = await owner.PostAsync(Url($"{page}/add"), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var back = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(refused.Headers.Location!.OriginalString)));
        Assert.Equal(chosen.Append("C-GONE").Order(StringComparer.Ordinal), Ticked(back, "controls").Order(StringComparer.Ordinal));
        Assert.Contains("C-GONE <span class=\"muted\">(not found)</span>", back, StringComparison.Ordinal);
        Assert.Contains("C-GONE", Between(back, "id=\"error-controls\"", "</span>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requirements_are_chosen_by_standard_on_the_control_form_and_the_audit_plan()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");

        var control = WebUtility.HtmlDecode(await owner.GetStringAsync(Url($"/orgs/{host.OrganizationA}/controls/new")));
        var requirements = Boxes(control, "requirements");
        Assert.Contains("iso27001-2022:A.5.15", requirements);
        Assert.Contains("iso42001-2023:A.6.2.4", requirements);
        Assert.Contains("ISO/IEC 27001:2022, controls", control, StringComparison.Ordinal);

        // The audit plan offers the two certifiable standards only.
        var audits = WebUtility.HtmlDecode(await owner.GetStringAsync(Url($"/orgs/{host.OrganizationA}/audits")));
        var audited = Boxes(audits, "requirementIds");
        Assert.Contains("iso27001-2022:9.2.2", audited);
        Assert.All(audited, r => Assert.True(r.StartsWith("iso27001-2022:", StringComparison.Ordinal) || r.StartsWith("iso42001-2023:", StringComparison.Ordinal), r));
    }

    /// <summary>The values of the check boxes named <paramref name="name"/>.</summary>
    private static string[] Boxes(string html, string name) =>
        Box().Matches(html).Where(m => m.Groups["name"].Value == name).Select(m => m.Groups["value"].Value).ToArray();

    private static string[] Ticked(string html, string name) =>
        Box().Matches(html).Where(m => m.Groups["name"].Value == name && m.Value.Contains(" checked", StringComparison.Ordinal)).Select(m => m.Groups["value"].Value).ToArray();

    private static string Between(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"the page has no {from}");
        return html[start..html.IndexOf(to, start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("""<input type="checkbox" id="[^"]*" name="(?<name>[^"]+)" value="(?<value>[^"]+)"[^>]*>""")]
    private static partial Regex Box();
}
