using System.Net;
using System.Text.RegularExpressions;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.AiSystems;

/// <summary>
/// The AI system, impact assessment and SoA pages driven like a browser would: read the page, post its form as the
/// browser would serialize it, follow the redirect and read the outcome on the page.
/// </summary>
public sealed class AiAndSoaPageTests
{
    [Fact]
    public async Task An_AI_system_is_registered_assessed_and_approved_through_the_pages()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");
        var org = host.OrganizationA;
        var list = $"/orgs/{org}/ai-systems";

        var register = ActionForm(await owner.GetStringAsync(Url(list)), $"{list}/register");
        Set(register, "key", "AI-77");
        Set(register, "name", "Loan pre-screening");
        Set(register, "purpose", "Ranks loan applications for a human underwriter.");
        Set(register, "roles", "ai-developer");
        Set(register, "lifecycleStage", "operation");
        Set(register, "euAiActClass", "high-risk");
        Set(register, "dataSourceName", "Loan book 2020-2025");
        Set(register, "dataSourceProvenance", "core banking export");
        using var registered = await owner.PostAsync(Url($"{list}/register"), new FormUrlEncodedContent(register));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var systemPage = registered.Headers.Location!.OriginalString.Split('?')[0];
        Assert.Matches($"^{list}/[0-9a-f-]{{36}}$", systemPage);

        var inventory = await owner.GetStringAsync(Url(list));
        Assert.Contains("Loan pre-screening", inventory, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge o\">missing</span>", inventory, StringComparison.Ordinal);

        // The same key again is refused: the page says why and gives the form back with everything typed.
        using var duplicate = await owner.PostAsync(Url($"{list}/register"), new FormUrlEncodedContent(register));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var refusal = await duplicate.Content.ReadAsStringAsync();
        Assert.Contains("already exists", WebUtility.HtmlDecode(refusal), StringComparison.Ordinal);
        var kept = FormFields(refusal, $"action=\"{list}/register\"");
        foreach (var field in new[] { "key", "name", "purpose", "roles", "lifecycleStage", "euAiActClass", "dataSourceName", "dataSourceProvenance" })
        {
            Assert.Equal(register.First(f => f.Key == field).Value, kept.First(f => f.Key == field).Value);
        }

        var system = await owner.GetStringAsync(Url(systemPage));
        Assert.Contains("Loan book 2020-2025", system, StringComparison.Ordinal);
        using var started = await owner.PostAsync(Url($"{systemPage}/impact-assessments"), new FormUrlEncodedContent(ActionForm(system, $"{systemPage}/impact-assessments")));
        var assessmentPage = started.Headers.Location!.OriginalString.Split('?')[0];
        Assert.Equal($"{systemPage}/impact-assessments/1", assessmentPage);

        var draft = ActionForm(await owner.GetStringAsync(Url(assessmentPage)), $"{assessmentPage}/save");
        Set(draft, "e0.dimension", "societal");
        Set(draft, "e0.description", "Applicants from rural areas are ranked lower");
        Set(draft, "e0.affectedGroup", "loan applicants");
        Set(draft, "e0.severity", "3");
        Set(draft, "e0.likelihood", "2");
        Set(draft, "e0.residualSeverity", "2");
        Set(draft, "e0.residualLikelihood", "1");
        Set(draft, "decision", "proceed-with-conditions");
        Set(draft, "nextReviewOn", DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        using var saved = await owner.PostAsync(Url($"{assessmentPage}/save"), new FormUrlEncodedContent(draft));
        Assert.DoesNotContain("outcome=refused", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var filled = await owner.GetStringAsync(Url(assessmentPage));
        Assert.Contains("Applicants from rural areas are ranked lower", filled, StringComparison.Ordinal);
        Assert.Contains("name=\"e2.dimension\"", filled, StringComparison.Ordinal);
        using var own = await owner.PostAsync(Url($"{assessmentPage}/approve"), new FormUrlEncodedContent(ActionForm(filled, $"{assessmentPage}/approve")));
        Assert.Contains("You wrote this version", await owner.OutcomeAsync(own), StringComparison.Ordinal);

        // Someone who did not write it approves it.
        using var manager = await host.SignedInAsync("manager@a.example");
        var review = await manager.GetStringAsync(Url(assessmentPage));
        using var approved = await manager.PostAsync(Url($"{assessmentPage}/approve"), new FormUrlEncodedContent(ActionForm(review, $"{assessmentPage}/approve")));
        Assert.EndsWith("?outcome=saved", approved.Headers.Location!.OriginalString, StringComparison.Ordinal);

        Assert.Contains("<span class=\"badge s\">current</span>", await owner.GetStringAsync(Url(list)), StringComparison.Ordinal);
        using var docx = await owner.GetAsync(Url($"{assessmentPage}/export/docx"));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
    }

    [Fact]
    public async Task Imported_AI_evidence_that_fails_suggests_a_risk_accepted_on_the_system_page()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");
        var list = $"/orgs/{host.OrganizationA}/ai-systems";
        var id = Regex.Match(await owner.GetStringAsync(Url(list)), $"href=\"{list}/([0-9a-f-]{{36}})\">AI-01<").Groups[1].Value;
        var systemPage = $"{list}/{id}";
        var import = ActionForm(await owner.GetStringAsync(Url(systemPage)), $"{systemPage}/ai-evidence/import");

        using var upload = new MultipartFormDataContent();
        foreach (var (name, value) in import)
        {
            upload.Add(new StringContent(value), name);
        }

        upload.Add(new StringContent("aiSystem,kind,metric,subject,value,threshold,comparison,measuredOn,tool\nAI-01,bias,Demographic parity difference,age 60+,0.21,0.1,max,2026-05-01,fairlearn\n"), "file", "results.csv");
        using var imported = await owner.PostAsync(Url($"{systemPage}/ai-evidence/import"), upload);
        Assert.Contains("1 results imported, 1 risks suggested", await owner.OutcomeAsync(imported), StringComparison.Ordinal);

        var system = await owner.GetStringAsync(Url(systemPage));
        Assert.Contains("<span class=\"badge o\">fail</span>", system, StringComparison.Ordinal);
        var accept = Regex.Match(system, "action=\"(/orgs/[^\"]+/risk-suggestions/[0-9a-f-]{36}/accept)\"").Groups[1].Value;
        using var accepted = await owner.PostAsync(Url(accept), new FormUrlEncodedContent(ActionForm(system, accept)));
        var back = accepted.Headers.Location!.OriginalString;
        Assert.StartsWith(systemPage + "?outcome=saved", back, StringComparison.Ordinal);
        Assert.Contains("added to the register", await owner.OutcomeAsync(accepted), StringComparison.Ordinal);
        var after = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(systemPage)));
        Assert.Contains("AI-01: Unfair outcomes for age 60+</td>", after, StringComparison.Ordinal);
        Assert.Contains("(0 open)", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_AI_system_or_assessment_is_not_found()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");

        using var system = await owner.GetAsync(Url($"/orgs/{host.OrganizationA}/ai-systems/{Guid.NewGuid()}"));
        using var assessment = await owner.GetAsync(Url($"/orgs/{host.OrganizationA}/ai-systems/{Guid.NewGuid()}/impact-assessments/1"));

        Assert.Equal(HttpStatusCode.NotFound, system.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, assessment.StatusCode);
    }

    [Fact]
    public async Task The_SoA_form_saves_what_is_decided_marks_what_is_not_and_approves_only_a_complete_version()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");
        var page = $"/orgs/{host.OrganizationA}/soa/iso42001-2023";
        var action = $"{page}/versions";
        var form = ActionForm(await owner.GetStringAsync(Url(page)), action);
        var rows = form.Where(f => f.Key == "row").Select(f => f.Value).ToArray();
        Assert.True(rows.Length > 30, $"only {rows.Length} rows on the form");

        // Acme has no 42001 controls yet: the proposal includes the supplier controls its supplier register calls for
        // and leaves every other control undecided (no basis either way), never proposing an exclusion.
        string Applies(string id) => form.Single(f => f.Key == "applies:" + id).Value;
        Assert.Equal(["iso42001-2023:A.10.2", "iso42001-2023:A.10.3", "iso42001-2023:A.10.4"], rows.Where(id => Applies(id) == "yes"));
        Assert.Equal(rows.Length - 3, rows.Count(id => Applies(id) == string.Empty));
        var (legal, target) = (rows[0], rows[1]);
        Set(form, "applies:" + legal, "yes");
        form.Add(new("reason:" + legal, "legal"));
        foreach (var id in rows.Skip(2).Where(id => Applies(id) == string.Empty))
        {
            Set(form, "applies:" + id, "no");
            Set(form, "justification:" + id, "No AI system of the organization calls for it.");
        }

        // One exclusion without a justification: the rest is saved as draft version 1, that control is marked, and
        // the version cannot be approved.
        Set(form, "applies:" + target, "no");
        Set(form, "justification:" + target, string.Empty);
        using var first = await owner.PostAsync(Url(action), new FormUrlEncodedContent(form));
        Assert.Equal($"{page}?outcome=saved", first.Headers.Location!.OriginalString);
        var draft = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(first.Headers.Location!.OriginalString)));
        Assert.Contains("version 1 saved as a draft; 1 control still needs a decision before it can be approved", draft, StringComparison.Ordinal);
        Assert.Contains($"{target.Split(':')[1]} is excluded without a justification.", draft, StringComparison.Ordinal);
        Assert.DoesNotContain($"{legal.Split(':')[1]} is ", draft, StringComparison.Ordinal);
        var kept = ActionForm(draft, action);
        Assert.Equal("yes", kept.Single(f => f.Key == "applies:" + legal).Value);
        Assert.Equal("no", kept.Single(f => f.Key == "applies:" + target).Value);
        using var manager = await host.SignedInAsync("manager@a.example");
        var approverView = WebUtility.HtmlDecode(await manager.GetStringAsync(Url(page)));
        Assert.Contains("Version 1 cannot be approved: 1 control still needs a decision.", approverView, StringComparison.Ordinal);
        using var early = await manager.PostAsync(Url($"{page}/1/approve"), new FormUrlEncodedContent(ActionForm(approverView, $"{page}/1/approve")));
        Assert.Contains("cannot be approved: 1 control still needs a decision", await manager.OutcomeAsync(early), StringComparison.Ordinal);

        // Justified: version 2 is complete; its author cannot approve it, another approver can.
        Set(form, "justification:" + target, "Outside the scope of the AI management system.");
        Set(form, "note", "First statement");
        using var saved = await owner.PostAsync(Url(action), new FormUrlEncodedContent(form));
        Assert.Equal($"{page}?outcome=saved", saved.Headers.Location!.OriginalString);
        draft = await owner.GetStringAsync(Url(page));
        Assert.Contains("Approve version 2", draft, StringComparison.Ordinal);
        using var own = await owner.PostAsync(Url($"{page}/2/approve"), new FormUrlEncodedContent(ActionForm(draft, $"{page}/2/approve")));
        Assert.Contains("You saved version 2", await owner.OutcomeAsync(own), StringComparison.Ordinal);
        var review = await manager.GetStringAsync(Url(page));
        using var approved = await manager.PostAsync(Url($"{page}/2/approve"), new FormUrlEncodedContent(ActionForm(review, $"{page}/2/approve")));
        Assert.DoesNotContain("outcome=refused", approved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var statement = await owner.GetStringAsync(Url(page));
        Assert.Contains("<span class=\"status approved\">Approved</span>", statement, StringComparison.Ordinal);
        Assert.Equal("yes", ActionForm(statement, action).Single(f => f.Key == "applies:" + legal).Value);
        Assert.DoesNotContain("Approve version 2", statement, StringComparison.Ordinal);

        var xlsx = $"{page}/2/export/xlsx";
        Assert.Contains($"href=\"{xlsx}\"", statement, StringComparison.Ordinal);
        using var file = await owner.GetAsync(Url(xlsx));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await file.Content.ReadAsByteArrayAsync())[..2]));
    }

    [Fact]
    public async Task A_risk_is_added_through_the_register_form()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");
        var page = $"/orgs/{host.OrganizationA}/risks";
        var form = ActionForm(await owner.GetStringAsync(Url(page)), $"{page}/add");
        Set(form, "key", "R-PAGE-1");
        Set(form, "title", "Model drift goes unnoticed");
        form.Add(new("categories", "robustness"));
        form.Add(new("riskSources", "iso42001-2023:C.3.4"));
        form.Add(new("aiSystems", "AI-01"));
        Set(form, "inherentLikelihood", "3");
        Set(form, "inherentImpact", "4");
        Set(form, "treatment", "accept");
        Set(form, "residualLikelihood", "3");
        Set(form, "residualImpact", "4");

        using var added = await owner.PostAsync(Url($"{page}/add"), new FormUrlEncodedContent(form));

        Assert.DoesNotContain("outcome=refused", added.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Model drift goes unnoticed", await owner.GetStringAsync(Url(page)), StringComparison.Ordinal);
        using var plan = await owner.GetAsync(Url($"{page}/treatment-plan/csv"));
        Assert.Contains("R-PAGE-1", await plan.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> ActionForm(string html, string action) => FormFields(html, $"action=\"{action}\"");
}
