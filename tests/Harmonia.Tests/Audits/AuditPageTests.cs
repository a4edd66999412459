using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Audits;

/// <summary>
/// The audit programme, checklist, nonconformity and readiness pages driven like a browser would: read the page,
/// post one of its forms as the browser would serialize it, follow the redirect and read the outcome.
/// </summary>
public sealed partial class AuditPageTests
{
    [Fact]
    public async Task An_audit_is_planned_graded_and_completed_and_its_nonconformity_closed_through_the_pages()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");
        using var api = host.Client(host.TokensA[OrganizationRole.Owner]);
        var org = host.OrganizationA;
        var programme = $"/orgs/{org}/audits";

        var readiness = $"/orgs/{org}/readiness";
        Assert.Contains("No internal audit completed since", Section(await owner.GetStringAsync(Url(readiness)), "iso27001-2022"), StringComparison.Ordinal);

        // Plan an audit of the whole of ISO/IEC 27001 through the form.
        var plan = FormFields(await owner.GetStringAsync(Url(programme)), $"action=\"{programme}/plan\"");
        Set(plan, "key", "IA-PAGE-1");
        Set(plan, "title", "ISMS audit from the page");
        plan.Add(new("frameworks", "iso27001-2022"));
        Set(plan, "processes", "Access management, Supplier onboarding");
        Set(plan, "plannedStart", "2026-05-04");
        Set(plan, "plannedEnd", "2026-05-06");
        Set(plan, "auditors", "Ines Auditor, Omar Auditor");
        using var planned = await owner.PostAsync(Url($"{programme}/plan"), new FormUrlEncodedContent(plan));
        var auditPage = planned.Headers.Location!.OriginalString.Split('?')[0];
        Assert.Matches($"^{programme}/[0-9a-f-]{{36}}$", auditPage);
        var list = await owner.GetStringAsync(Url(programme));
        Assert.Contains($"<a href=\"{auditPage}\">IA-PAGE-1</a>", list, StringComparison.Ordinal);
        Assert.Contains("Ines Auditor, Omar Auditor", list, StringComparison.Ordinal);

        // The same key again is refused, and the programme page says why.
        using var duplicate = await owner.PostAsync(Url($"{programme}/plan"), new FormUrlEncodedContent(plan));
        var refusedPlan = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(duplicate.Headers.Location!.OriginalString)));
        Assert.Contains("already exists", refusedPlan, StringComparison.Ordinal);
        Assert.Contains("value=\"ISMS audit from the page\"", refusedPlan, StringComparison.Ordinal);
        Assert.Contains("value=\"Ines Auditor, Omar Auditor\"", refusedPlan, StringComparison.Ordinal);
        Assert.Contains("value=\"iso27001-2022\" checked", refusedPlan, StringComparison.Ordinal);

        // A major nonconformity for 5.2 through its row form; the redirect returns to the row.
        var audit = await owner.GetStringAsync(Url(auditPage));
        Assert.Contains("Access management, Supplier onboarding", audit, StringComparison.Ordinal);
        var items = Regex.Matches(audit, "<input type=\"hidden\" name=\"item\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.True(items.Length > 100, $"only {items.Length} row forms");
        Assert.Equal(items.Length, Regex.Count(audit, "<label for=\"grade-"));
        var row = FormFields(audit, "id=\"result-item-iso27001-2022-5-2\"");
        Set(row, "grade", "MajorNonconformity");
        Set(row, "note", "The information security policy was never approved by top management.");
        Set(row, "sampled", "Policy v2, management minutes 2025");
        using var graded = await owner.PostAsync(Url($"{auditPage}/results"), new FormUrlEncodedContent(row));
        var back = graded.Headers.Location!.OriginalString;
        Assert.DoesNotContain("outcome=refused", back, StringComparison.Ordinal);
        Assert.EndsWith("#item-iso27001-2022-5-2", back, StringComparison.Ordinal);
        audit = await owner.GetStringAsync(Url(auditPage));
        Assert.Contains("<span class=\"badge o\">Major nonconformity</span>", audit, StringComparison.Ordinal);

        // Listed as open, with a link to its page.
        var open = await owner.GetStringAsync(Url($"/orgs/{org}/nonconformities"));
        var match = Regex.Match(open, $"href=\"(/orgs/{org}/nonconformities/[0-9a-f-]{{36}})\">(NC-\\d+)<");
        Assert.True(match.Success, "the nonconformity is not listed");
        var (ncPage, ncKey) = (match.Groups[1].Value, match.Groups[2].Value);
        Assert.Contains($"href=\"{ncPage}\"", audit, StringComparison.Ordinal);
        Assert.Contains("iso27001-2022:5.2", open, StringComparison.Ordinal);

        // Every step through its own form, each showing only the next one.
        await StepAsync(owner, ncPage, "id=\"step-correction\"", f => Set(f, "text", "The policy was put to the board the same week."));
        await StepAsync(owner, ncPage, "id=\"step-root-cause\"", f =>
        {
            SetNth(f, "why", 0, "Nobody submitted the policy for approval");
            SetNth(f, "why", 1, "The ISMS procedure does not say who does");
        });
        // A plan due in the past is refused and comes back with every typed field.
        var pastPlan = FormFields(await owner.GetStringAsync(Url(ncPage)), "id=\"step-plan\"");
        Set(pastPlan, "a0.description", "Name the ISMS manager as the one who submits policies");
        Set(pastPlan, "a0.owner", "ISMS manager");
        Set(pastPlan, "a0.due", "2020-01-01");
        using var pastDue = await owner.PostAsync(Url($"{ncPage}/steps"), new FormUrlEncodedContent(pastPlan));
        var keptPlan = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(pastDue.Headers.Location!.OriginalString)));
        Assert.Contains("value=\"Name the ISMS manager as the one who submits policies\"", keptPlan, StringComparison.Ordinal);
        Assert.Contains("value=\"2020-01-01\"", keptPlan, StringComparison.Ordinal);
        var due = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var planPage = await StepAsync(owner, ncPage, "id=\"step-plan\"", f =>
        {
            Set(f, "a0.description", "Name the ISMS manager as the one who submits policies");
            Set(f, "a0.owner", "ISMS manager");
            Set(f, "a0.due", due);
        });
        Assert.Contains("Nobody submitted the policy for approval", planPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"step-plan\"", planPage, StringComparison.Ordinal);
        await StepAsync(owner, ncPage, $"id=\"complete-{ncKey}-A1\"", _ => { });
        await StepAsync(owner, ncPage, "id=\"step-verify\"", f =>
        {
            f.Add(new("effective", "true"));
            Set(f, "text", "The next two policies went to the board on time.");
        });
        var closed = await StepAsync(owner, ncPage, "id=\"step-close\"", _ => { });
        Assert.Contains("closed", closed, StringComparison.Ordinal);
        Assert.Contains("id=\"step-reopen\"", closed, StringComparison.Ordinal);
        Assert.DoesNotContain(ncPage, await owner.GetStringAsync(Url($"/orgs/{org}/nonconformities")), StringComparison.Ordinal);
        Assert.Contains(ncPage, await owner.GetStringAsync(Url($"/orgs/{org}/nonconformities?all=1")), StringComparison.Ordinal);

        // A form read before the last step carries a stale version: refused with a message, nothing changed.
        var stale = FormFields(planPage, $"id=\"complete-{ncKey}-A1\"");
        using var conflict = await owner.PostAsync(Url($"{ncPage}/steps"), new FormUrlEncodedContent(stale));
        Assert.Contains("The nonconformity was changed by someone else", await owner.OutcomeAsync(conflict), StringComparison.Ordinal);

        // Completing with items left is refused; with every item graded (the rest through the API) it completes.
        var completeForm = FormFields(audit, $"action=\"{auditPage}/complete\"");
        using var early = await owner.PostAsync(Url($"{auditPage}/complete"), new FormUrlEncodedContent(completeForm));
        Assert.Contains("no result yet", await owner.OutcomeAsync(early), StringComparison.Ordinal);
        var results = $"/api/orgs/{org}/audits/{auditPage.Split('/')[^1]}/results";
        foreach (var item in items.Where(i => i != "iso27001-2022:5.2"))
        {
            using var conforming = await api.PostAsync(Url(results), new StringContent($$"""{"itemKey":"{{item}}","grade":"Conforming"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, conforming.StatusCode);
        }

        Assert.Contains("href=\"" + auditPage + "?open=1#checklist\">Without a result (0)", await owner.GetStringAsync(Url(auditPage)), StringComparison.Ordinal);
        using var completed = await owner.PostAsync(Url($"{auditPage}/complete"), new FormUrlEncodedContent(completeForm));
        Assert.DoesNotContain("outcome=refused", completed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var done = await owner.GetStringAsync(Url(auditPage));
        Assert.Contains("<span class=\"badge s\">Completed</span>", done, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"rowform\"", done, StringComparison.Ordinal);

        // Readiness for ISO/IEC 27001: the completed audit covered the whole scope and the nonconformity is closed,
        // but no management review was held yet, and the blocking item says where that is dealt with.
        var iso27001 = WebUtility.HtmlDecode(Section(await owner.GetStringAsync(Url(readiness)), "iso27001-2022"));
        Assert.DoesNotContain("No internal audit completed", iso27001, StringComparison.Ordinal);
        Assert.DoesNotContain("unaudited", iso27001, StringComparison.Ordinal);
        Assert.DoesNotContain($"Open major nonconformity {ncKey}", iso27001, StringComparison.Ordinal);
        Assert.Contains("No management review held since", iso27001, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/orgs/{host.OrganizationA}/management-reviews\" class=\"small\">", iso27001, StringComparison.Ordinal);
        Assert.Contains("<details class=\"clause\">", iso27001, StringComparison.Ordinal);
    }

    /// <summary>The readiness page's section of one framework, up to the next section.</summary>
    private static string Section(string html, string framework)
    {
        var start = html.IndexOf($"id=\"fw-{framework}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no readiness section for {framework}");
        var end = html.IndexOf("<section", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    [Fact]
    public async Task An_unknown_audit_or_nonconformity_is_not_found()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");

        using var audit = await owner.GetAsync(Url($"/orgs/{host.OrganizationA}/audits/{Guid.NewGuid()}"));
        using var nonconformity = await owner.GetAsync(Url($"/orgs/{host.OrganizationA}/nonconformities/{Guid.NewGuid()}"));

        Assert.Equal(HttpStatusCode.NotFound, audit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nonconformity.StatusCode);
    }

    /// <summary>Posts the form found by <paramref name="marker"/>, checks it was accepted and returns the page after it.</summary>
    private static async Task<string> StepAsync(HttpClient client, string page, string marker, Action<List<KeyValuePair<string, string>>> fill)
    {
        var form = FormFields(await client.GetStringAsync(Url(page)), marker);
        fill(form);
        using var response = await client.PostAsync(Url($"{page}/steps"), new FormUrlEncodedContent(form));
        var location = response.Headers.Location!.OriginalString;
        Assert.True(!location.Contains("outcome=refused", StringComparison.Ordinal), $"{marker}: {Uri.UnescapeDataString(location)}");
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(Url(location)));
        Assert.DoesNotContain(marker, after, StringComparison.Ordinal);
        return after;
    }
}
