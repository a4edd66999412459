using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using UglyToad.PdfPig;
using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.AiSystems;

/// <summary>
/// The fundamental rights impact assessment (EU AI Act Art. 27) is drawn from an approved impact assessment of a
/// high-risk system the organization deploys: the six elements come from the records, what they do not hold is listed
/// as missing, and a draft, a system that is not high-risk or a provider's system is refused with the reason.
/// </summary>
public sealed class FundamentalRightsAssessmentTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static readonly string Entries = $$"""
        {"entries":[
          {"dimension":"fairness","description":"Candidates with career breaks are ranked lower","affectedGroup":"job applicants","severity":4,"likelihood":3,"mitigation":"A recruiter reads every rejected application before it is closed","controls":[],"risks":[],"residualSeverity":2,"residualLikelihood":2},
          {"dimension":"economic","description":"Fewer interviews for older applicants","affectedGroup":"older workers","severity":3,"likelihood":2,"controls":[],"risks":[],"residualSeverity":2,"residualLikelihood":2}],
         "summary":"Acceptable with the recruiter review.","residualAssessment":"Low","decision":"proceed-with-conditions","nextReviewOn":"{{DateTime.UtcNow.AddYears(1):yyyy-MM-dd}}"}
        """;

    private static async Task<string> SystemAsync(HttpClient client, string api, string body)
    {
        using var created = await client.PostAsync(Url($"{api}/ai-systems"), Json(body));
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task AssessAsync(HttpClient author, HttpClient approver, string api, string id, bool approve)
    {
        Assert.Equal(HttpStatusCode.Created, (await author.PostAsync(Url($"{api}/ai-systems/{id}/impact-assessments"), null)).StatusCode);
        using var put = new HttpRequestMessage(HttpMethod.Put, Url($"{api}/ai-systems/{id}/impact-assessments/1")) { Content = Json(Entries) };
        put.Headers.IfMatch.ParseAdd("\"1\"");
        using var saved = await author.SendAsync(put);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        if (approve)
        {
            using var approved = await approver.PostAsync(Url($"{api}/ai-systems/{id}/impact-assessments/1/approve"), null);
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        }
    }

    private static async Task<string> RefusalAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(Url(url));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task The_period_and_frequency_of_use_recorded_on_the_system_completes_element_b()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var id = await SystemAsync(contributor, api, """
            {"key":"AI-94","name":"Benefit triage","roles":["ai-user"],"euAiActRole":"deployer","euAiActClass":"high-risk","intendedUse":"Ordering benefit claims for review",
             "affectedPeople":"claimants","periodOfUse":"Every working day from 1 March 2027, about 400 claims a day, for two years"}
            """);
        await AssessAsync(contributor, owner, api, id, approve: true);

        var markdown = await contributor.GetStringAsync(Url($"{api}/ai-systems/{id}/impact-assessments/1/fria/md"));
        Assert.Contains("Every working day from 1 March 2027, about 400 claims a day, for two years", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("the period of time within which", markdown, StringComparison.Ordinal);

        // The register's spreadsheet carries it, and too long a text is refused beside its field.
        var csv = await contributor.GetStringAsync(Url($"{api}/ai-systems/export/csv"));
        Assert.Contains("Period and frequency of use", csv, StringComparison.Ordinal);
        Assert.Contains("about 400 claims a day", csv, StringComparison.Ordinal);
        using var tooLong = await contributor.PostAsync(Url($"{api}/ai-systems"), Json($$"""{"key":"AI-95","name":"Other","roles":["ai-user"],"periodOfUse":"{{new string('x', 1001)}}"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("periodOfUse", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_deployer_gets_the_fria_from_the_approved_assessment_with_missing_elements_listed(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var id = await SystemAsync(contributor, api, """
            {"key":"AI-93","name":"CV screening","roles":["ai-user"],"euAiActRole":"deployer","euAiActClass":"high-risk","purpose":"Ranks job applications",
             "intendedUse":"Shortlisting applicants for customer-support roles in the Berlin office","humanOversight":"human-in-the-loop","autonomy":"assistive","affectedPeople":"job applicants"}
            """);
        var fria = $"{api}/ai-systems/{id}/impact-assessments/1/fria";

        // A draft is no result yet.
        await AssessAsync(contributor, owner, api, id, approve: false);
        Assert.StartsWith("Impact assessment v1 of AI-93 is draft: only the approved, current assessment", await RefusalAsync(owner, $"{fria}/docx"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync(Url($"{api}/ai-systems/{id}/impact-assessments/1/approve"), null)).StatusCode);

        var docx = await contributor.GetByteArrayAsync(Url($"{fria}/docx"));
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word));
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Fundamental rights impact assessment — CV screening", text, StringComparison.Ordinal);
            Assert.Contains("Shortlisting applicants for customer-support roles in the Berlin office", text, StringComparison.Ordinal);
            Assert.Contains("job applicants; older workers", text, StringComparison.Ordinal);
            Assert.Contains("Candidates with career breaks are ranked lower", text, StringComparison.Ordinal);
            Assert.Contains("Human in the loop; autonomy assistive.", text, StringComparison.Ordinal);
            Assert.Contains("A recruiter reads every rejected application before it is closed", text, StringComparison.Ordinal);

            // Nothing records the period and frequency of use or a complaint channel: listed, not invented.
            Assert.Contains("Missing: the period of time within which, and the frequency with which, the system is intended to be used", text, StringComparison.Ordinal);
            Assert.Contains("Missing: the internal governance and complaint mechanisms", text, StringComparison.Ordinal);
        }

        var pdf = await contributor.GetByteArrayAsync(Url($"{fria}/pdf"));
        using (var read = PdfDocument.Open(pdf))
        {
            var text = string.Join(" ", read.GetPages().Select(p => p.Text));
            Assert.Contains("Period and frequency of use", text, StringComparison.Ordinal);
            Assert.Contains("career breaks", text, StringComparison.Ordinal);
        }

        var markdown = await contributor.GetStringAsync(Url($"{fria}/md"));
        Assert.Contains("eu-ai-act-2024:Art. 27", markdown, StringComparison.Ordinal);

        // The page offers it from the approved assessment.
        using var browser = await host.SignedInAsync("viewer@a.example");
        var page = await browser.GetStringAsync(Url($"/orgs/{host.OrganizationA}/ai-systems/{id}/impact-assessments/1"));
        Assert.Contains($"/orgs/{host.OrganizationA}/ai-systems/{id}/impact-assessments/1/fria/docx", page, StringComparison.Ordinal);
        using var download = await browser.GetAsync(Url($"/orgs/{host.OrganizationA}/ai-systems/{id}/impact-assessments/1/fria/pdf"));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_system_that_is_not_high_risk_or_not_deployed_gets_no_fria_and_is_told_why(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var limited = await SystemAsync(contributor, api, """{"key":"AI-94","name":"Chat helper","roles":["ai-user"],"euAiActRole":"deployer","euAiActClass":"limited"}""");
        var provided = await SystemAsync(contributor, api, """{"key":"AI-95","name":"Scorer","roles":["ai-developer"],"euAiActRole":"provider","euAiActClass":"high-risk"}""");
        await AssessAsync(contributor, owner, api, limited, approve: true);
        await AssessAsync(contributor, owner, api, provided, approve: true);

        Assert.StartsWith(
            "AI-94 is classed limited risk: a fundamental rights impact assessment (EU AI Act Art. 27) is owed only for a high-risk AI system.",
            await RefusalAsync(owner, $"{api}/ai-systems/{limited}/impact-assessments/1/fria/docx"), StringComparison.Ordinal);
        Assert.StartsWith(
            "The organization is the provider for AI-95: a fundamental rights impact assessment (EU AI Act Art. 27) is the deployer's duty.",
            await RefusalAsync(owner, $"{api}/ai-systems/{provided}/impact-assessments/1/fria/pdf"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(Url($"{api}/ai-systems/{provided}/impact-assessments/7/fria/pdf"))).StatusCode);

        // The page answers with the same reason beside the assessment instead of a file.
        using var browser = await host.SignedInAsync("viewer@a.example");
        using var refused = await browser.GetAsync(Url($"/orgs/{host.OrganizationA}/ai-systems/{limited}/impact-assessments/1/fria/docx"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await browser.GetStringAsync(refused.Headers.Location!);
        Assert.Contains("is owed only for a high-risk AI system", page, StringComparison.Ordinal);
    }
}
