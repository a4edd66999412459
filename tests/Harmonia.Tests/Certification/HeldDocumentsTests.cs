using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Certification;

/// <summary>
/// Issue 19 item 4: a certified organization lists the documents its certified system keeps elsewhere, and
/// readiness counts them as registered documents, saying so beside each check; the dashboard and readiness agree.
/// </summary>
public sealed class HeldDocumentsTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Day(int daysAgo) => DateTime.UtcNow.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonElement[] DocumentChecks(JsonElement readiness, string framework) =>
        readiness.GetProperty("frameworks").EnumerateArray().Single(f => f.GetProperty("frameworkIds")[0].GetString() == framework)
            .GetProperty("stage1").GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("key").GetString()!.StartsWith("document:", StringComparison.Ordinal)).ToArray();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Documents_listed_with_a_current_certificate_count_for_stage_1_with_their_basis_and_bad_lists_change_nothing(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var editor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var certificate = await host.NewCertificateAsync(host.OrganizationA);
        var url = new Uri($"{api}/certificates/{certificate}/held-documents", UriKind.Relative);

        var before = DocumentChecks(await ReadAsync(await editor.GetAsync(new Uri($"{api}/readiness", UriKind.Relative))), "iso27001-2022");
        Assert.Contains(before, c => c.GetProperty("blocking").GetArrayLength() > 0);
        var list = await ReadAsync(await editor.GetAsync(url));
        var requirements = list.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("requirementId").GetString()!).ToArray();
        Assert.Equal(before.Length, requirements.Length);
        Assert.All(requirements, r => Assert.StartsWith("iso27001-2022:", r, StringComparison.Ordinal));

        // Refused as a whole: a row without a title and dated in the future, and a requirement that asks for no document.
        var refused = await ReadAsync(await editor.PutAsync(url, Json($$"""[{"requirementId":"iso27001-2022:5.2","title":" ","datedOn":"{{Day(-10)}}","location":"Intranet"},{"requirementId":"iso27001-2022:4.3","title":"ISMS scope","datedOn":"{{Day(5)}}","location":"Intranet"}]""")), HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title:iso27001-2022:5.2", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("datedOn:iso27001-2022:5.2", out _), errors.ToString());
        await ReadAsync(await editor.PutAsync(url, Json($$"""[{"requirementId":"iso27001-2022:A.8.1","title":"Endpoint rules","datedOn":"{{Day(5)}}","location":"Intranet"}]""")), HttpStatusCode.BadRequest);
        Assert.All((await ReadAsync(await editor.GetAsync(url))).GetProperty("rows").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("held").ValueKind));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsync(url, Json("[]"))).StatusCode);

        // The whole list, reviewed last month: every documented-information check of Stage 1 passes, naming its basis.
        var entries = requirements.Select((r, i) => $$"""{"requirementId":"{{r}}","title":"ISMS document {{i + 1}}","reference":"ISMS-{{i + 1:00}} v4","datedOn":"{{Day(30)}}","location":"SharePoint › ISMS › Policies"}""");
        var saved = await ReadAsync(await editor.PutAsync(url, Json("[" + string.Join(",", entries) + "]")));
        Assert.Equal(requirements.Length, saved.GetProperty("counting").GetInt32());
        var after = DocumentChecks(await ReadAsync(await editor.GetAsync(new Uri($"{api}/readiness", UriKind.Relative))), "iso27001-2022");
        Assert.All(after, c => Assert.Equal(0, c.GetProperty("blocking").GetArrayLength()));
        Assert.Contains(after, c => c.GetProperty("basis").GetString()!.StartsWith("held outside Harmonia: 'ISMS document", StringComparison.Ordinal)
            && c.GetProperty("basis").GetString()!.Contains("SharePoint › ISMS › Policies", StringComparison.Ordinal));

        // One document not reviewed for over a year no longer counts, and says why; a shorter list takes the rest off.
        var stale = requirements.Select((r, i) => $$"""{"requirementId":"{{r}}","title":"ISMS document {{i + 1}}","datedOn":"{{(i == 0 ? Day(400) : Day(30))}}","location":"SharePoint"}""").Take(3);
        saved = await ReadAsync(await editor.PutAsync(url, Json("[" + string.Join(",", stale) + "]")));
        Assert.Equal(2, saved.GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("held").ValueKind == JsonValueKind.Object && r.GetProperty("counts").GetBoolean()));
        var first = DocumentChecks(await ReadAsync(await editor.GetAsync(new Uri($"{api}/readiness", UriKind.Relative))), "iso27001-2022")
            .Single(c => c.GetProperty("requirementIds")[0].GetString() == requirements[0]);
        Assert.Contains("more than 12 months ago", first.GetProperty("blocking")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        // The signed audit pack lists them for the body, with whether each still counts.
        using (var pack = new System.IO.Compression.ZipArchive(new MemoryStream(await host.Client(host.TokensA[OrganizationRole.Owner]).GetByteArrayAsync(new Uri($"{api}/audit-pack.zip", UriKind.Relative)))))
        {
            using var reader = new StreamReader(pack.GetEntry("records/documents-held-elsewhere.csv")!.Open());
            var csv = await reader.ReadToEndAsync();
            Assert.Contains("ISMS document 2", csv, StringComparison.Ordinal);
            Assert.Contains("no: 'ISMS document 1', held outside Harmonia, was last approved or reviewed on", csv, StringComparison.Ordinal);
        }

        // Every change is in the audit trail; another organization's certificate is not found.
        var trail = await ReadAsync(await host.Client(host.TokensA[OrganizationRole.Owner]).GetAsync(new Uri($"{api}/audit-trail?pageSize=100", UriKind.Relative)));
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("entityType").GetString() == "HeldDocumentRecord");
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(new Uri($"{api}/certificates/{await host.NewCertificateAsync(host.OrganizationB)}/held-documents", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_page_keeps_every_typed_row_after_a_refusal_and_the_dashboard_shows_the_readiness_figures()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");
        var certificate = await host.NewCertificateAsync(host.OrganizationA);
        var page = $"/orgs/{host.OrganizationA}/certification/certificates/{certificate}/documents";
        Assert.Contains(page, await owner.GetStringAsync(new Uri($"/orgs/{host.OrganizationA}/certification", UriKind.Relative)), StringComparison.Ordinal);

        var form = FormFields(await owner.GetStringAsync(new Uri(page, UriKind.Relative)), $"action=\"{page}/save\"");
        Set(form, "title:iso27001-2022:4.3", "ISMS scope statement");
        Set(form, "reference:iso27001-2022:4.3", "ISMS-01 v3");
        Set(form, "datedOn:iso27001-2022:4.3", Day(20));
        Set(form, "location:iso27001-2022:4.3", "Intranet › ISMS");
        Set(form, "title:iso27001-2022:5.2", "Information security policy");
        Set(form, "datedOn:iso27001-2022:5.2", Day(20));
        using var refused = await owner.PostAsync(new Uri(page + "/save", UriKind.Relative), new FormUrlEncodedContent(form));
        var back = WebUtility.HtmlDecode(await owner.GetStringAsync(new Uri(refused.Headers.Location!.OriginalString, UriKind.Relative)));
        Assert.Contains("Say where an auditor finds it", back, StringComparison.Ordinal);
        Assert.Contains("value=\"ISMS scope statement\"", back, StringComparison.Ordinal);
        Assert.Contains("value=\"Information security policy\"", back, StringComparison.Ordinal);
        Assert.Contains("href=\"#error-location:iso27001-2022:5.2\"", back, StringComparison.Ordinal);

        Set(form, "location:iso27001-2022:5.2", "Intranet › Policies");
        using var saved = await owner.PostAsync(new Uri(page + "/save", UriKind.Relative), new FormUrlEncodedContent(form));
        var done = WebUtility.HtmlDecode(await owner.GetStringAsync(new Uri(saved.Headers.Location!.OriginalString, UriKind.Relative)));
        Assert.Contains("Done: the document list saved; 2 of", done, StringComparison.Ordinal);
        Assert.Contains("Held elsewhere: counts as a registered document.", done, StringComparison.Ordinal);

        // The dashboard's card for each standard carries the same Stage 1 and Stage 2 figures as readiness.
        var readiness = JsonDocument.Parse(await host.Client(host.TokensA[OrganizationRole.Owner]).GetStringAsync(new Uri($"/api/orgs/{host.OrganizationA}/readiness", UriKind.Relative))).RootElement;
        var dashboard = WebUtility.HtmlDecode(await owner.GetStringAsync(new Uri($"/orgs/{host.OrganizationA}", UriKind.Relative)));
        foreach (var framework in readiness.GetProperty("frameworks").EnumerateArray())
        {
            var (stage1, stage2) = (framework.GetProperty("stage1"), framework.GetProperty("stage2"));
            int Passed(JsonElement stage) => stage.GetProperty("checks").EnumerateArray().Count(c => c.GetProperty("blocking").GetArrayLength() == 0);
            Assert.Contains($"Stage 1 {Passed(stage1)} of {stage1.GetProperty("checks").GetArrayLength()} checks pass", dashboard, StringComparison.Ordinal);
            Assert.Contains($"Stage 2 {Passed(stage2)} of {stage2.GetProperty("checks").GetArrayLength()}", dashboard, StringComparison.Ordinal);
        }
    }
}
