using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Documents;

/// <summary>Document control through the REST API: answers, drafts, review, approval by someone else, publication, acknowledgment.</summary>
public sealed class DocumentControlTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    internal static string AcmeAnswersJson()
    {
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<string, Dictionary<string, object>>>(
            File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-answers.yaml")));
        return JsonSerializer.Serialize(new { answers = yaml["answers"] });
    }

    private static async Task<JsonElement> DocumentAsync(HttpClient client, string api, string templateId)
    {
        var list = await ReadAsync(await client.GetAsync(new Uri($"{api}/documents", UriKind.Relative)));
        var id = list.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("templateId").GetString() == templateId).GetProperty("documentId").GetString();
        return await ReadAsync(await client.GetAsync(new Uri($"{api}/documents/{id}", UriKind.Relative)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_document_goes_from_draft_to_published_approved_by_someone_else_and_is_acknowledged_per_version(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var api = $"/api/orgs/{host.OrganizationA}";

        var saved = await ReadAsync(await contributor.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Json(AcmeAnswersJson())));
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        var generated = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/documents/generate", UriKind.Relative), Json("{}")));
        Assert.True(generated.GetProperty("drafts").GetInt32() >= 25);
        Assert.Empty(generated.GetProperty("missing").EnumerateArray());
        var again = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/documents/generate", UriKind.Relative), Json("{}")));
        Assert.Equal(0, again.GetProperty("drafts").GetInt32());

        var document = await DocumentAsync(contributor, api, "ai-policy");
        var id = document.GetProperty("summary").GetProperty("documentId").GetString();
        var url = $"{api}/documents/{id}";
        Assert.Contains("Dr. Tomás Alves", document.GetProperty("latestMarkdown").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PostAsync(new Uri(url + "/submit", UriKind.Relative), Json("""{"change":"material"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsync(new Uri(url + "/approve", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsync(new Uri(url + "/publish", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(new Uri(url + "/approve", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(new Uri(url + "/publish", UriKind.Relative), null)).StatusCode);

        var published = (await ReadAsync(await viewer.GetAsync(new Uri(url, UriKind.Relative)))).GetProperty("summary");

        // The published AI policy is the documentation part of what it addresses: the gap analysis says so.
        var gap = await ReadAsync(await viewer.GetAsync(new Uri($"{api}/gap/iso42001-2023?format=json", UriKind.Relative)));
        var aiPolicy = gap.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "iso42001-2023:A.2.2");
        Assert.Contains("Documented in 'AI policy' 1.0 (published)", aiPolicy.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.NotEqual("not_satisfied", aiPolicy.GetProperty("result").GetString());
        Assert.Equal(("1.0", "published"), (published.GetProperty("published").GetProperty("label").GetString(), published.GetProperty("published").GetProperty("status").GetString()));
        Assert.True(published.GetProperty("mustAcknowledge").GetBoolean());

        // The kept DOCX is a valid Word file and stays the same bytes on every download.
        var docx = await viewer.GetByteArrayAsync(new Uri(url + "/revisions/1/docx", UriKind.Relative));
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word));
            Assert.Contains("published", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        Assert.Equal(docx, await viewer.GetByteArrayAsync(new Uri(url + "/revisions/1/docx", UriKind.Relative)));

        // The employees' copy: the same approved words without the traceability marks; the kept copy has them.
        var employees = await viewer.GetByteArrayAsync(new Uri(url + "/revisions/1/employees/docx", UriKind.Relative));
        using (var kept = WordprocessingDocument.Open(new MemoryStream(docx), false))
        using (var word = WordprocessingDocument.Open(new MemoryStream(employees), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word));
            var (keptText, employeeText) = (kept.MainDocumentPart!.Document!.Body!.InnerText, word.MainDocumentPart!.Document!.Body!.InnerText);
            Assert.Contains(Harmonia.App.Rendering.DocumentText.AddressedHeading, keptText, StringComparison.Ordinal);
            Assert.DoesNotContain(Harmonia.App.Rendering.DocumentText.AddressedHeading, employeeText, StringComparison.Ordinal);
            Assert.Matches(@"\[[a-z0-9._-]+\]", keptText);
            Assert.DoesNotMatch(@"\[[a-z0-9._-]+\]", employeeText);
            Assert.Contains("Dr. Tomás Alves", employeeText, StringComparison.Ordinal);
        }

        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await viewer.GetByteArrayAsync(new Uri(url + "/revisions/1/employees/pdf", UriKind.Relative))))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Tomás", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Harmonia.App.Rendering.DocumentText.AddressedHeading.Replace(" ", string.Empty, StringComparison.Ordinal), text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync(new Uri(url + "/revisions/1/employees/md", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await viewer.PostAsync(new Uri(url + "/acknowledge", UriKind.Relative), null)).StatusCode);
        var acknowledged = await ReadAsync(await viewer.GetAsync(new Uri(url, UriKind.Relative)));
        Assert.False(acknowledged.GetProperty("summary").GetProperty("mustAcknowledge").GetBoolean());

        // Acknowledged through the API with a token: recorded under the person's e-mail, not "unknown".
        Assert.Contains(acknowledged.GetProperty("acknowledgedBy").EnumerateArray(), a => a.GetString()!.StartsWith("viewer@a.example (", StringComparison.Ordinal));

        // New answers make a new draft with a diff; the published revision does not change.
        var changed = AcmeAnswersJson().Replace("Dr. Tom\\u00E1s Alves", "Dr. Ines Brandt", StringComparison.Ordinal).Replace("Dr. Tomás Alves", "Dr. Ines Brandt", StringComparison.Ordinal);
        await ReadAsync(await contributor.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Json(changed)));
        await ReadAsync(await contributor.PostAsync(new Uri($"{api}/documents/generate", UriKind.Relative), Json("""{"templateIds":["ai-policy"]}""")));
        var redrafted = await ReadAsync(await contributor.GetAsync(new Uri(url, UriKind.Relative)));
        Assert.Equal(("2.0", "draft"), (redrafted.GetProperty("summary").GetProperty("latest").GetProperty("label").GetString(), redrafted.GetProperty("summary").GetProperty("latest").GetProperty("status").GetString()));
        Assert.Contains(redrafted.GetProperty("diffToPublished").EnumerateArray(), l => l.GetProperty("kind").GetString() == "added" && l.GetProperty("text").GetString()!.Contains("Ines Brandt", StringComparison.Ordinal));
        Assert.Equal("1.0", redrafted.GetProperty("summary").GetProperty("published").GetProperty("label").GetString());

        // A minor change keeps acknowledgments; publishing retires the previous revision.
        await contributor.PostAsync(new Uri(url + "/submit", UriKind.Relative), Json("""{"change":"minor"}"""));
        await owner.PostAsync(new Uri(url + "/approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(new Uri(url + "/publish", UriKind.Relative), null)).StatusCode);
        var after = await ReadAsync(await viewer.GetAsync(new Uri(url, UriKind.Relative)));
        Assert.Equal("1.1", after.GetProperty("summary").GetProperty("published").GetProperty("label").GetString());
        Assert.False(after.GetProperty("summary").GetProperty("mustAcknowledge").GetBoolean());
        Assert.Equal(["published", "retired"], after.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("status").GetString()));

        var trail = await ReadAsync(await owner.GetAsync(new Uri($"{api}/audit-trail?pageSize=50", UriKind.Relative)));
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("entityType").GetString() == "DocumentRevisionRecord" && e.GetProperty("changes").GetString()!.Contains("\"published\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_author_cannot_approve_and_missing_answers_block_publication()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var api = $"/api/orgs/{host.OrganizationA}";
        await ReadAsync(await owner.PostAsync(new Uri($"{api}/documents/generate", UriKind.Relative), Json("""{"templateIds":["ai-policy"]}""")));
        var url = $"{api}/documents/{(await DocumentAsync(owner, api, "ai-policy")).GetProperty("summary").GetProperty("documentId").GetString()}";

        await owner.PostAsync(new Uri(url + "/submit", UriKind.Relative), null);
        var own = await owner.PostAsync(new Uri(url + "/approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("cannot approve their own", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same person signed in through the browser is still the author (the token only changes the channel).
        using (var browser = await host.SignedInAsync("owner@a.example"))
        {
            var page = url.Replace("/api/orgs", "/orgs", StringComparison.Ordinal);
            var html = await browser.GetStringAsync(new Uri(page, UriKind.Relative));
            Assert.Contains("disabled aria-describedby=\"approve-reason\">Approve</button>", html, StringComparison.Ordinal);
            Assert.Contains("You wrote this revision; another member with the right to approve must approve it.", html, StringComparison.Ordinal);
            var hidden = ApiHost.HiddenFields(html);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = hidden["__RequestVerificationToken"] });
            using var viaPage = await browser.PostAsync(new Uri(page + "/approve", UriKind.Relative), form);
            Assert.Contains("cannot approve their own", await browser.OutcomeAsync(viaPage), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync(new Uri(url + "/approve", UriKind.Relative), null)).StatusCode);
        var publish = await manager.PostAsync(new Uri(url + "/publish", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Contains("required answers are missing", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bad = await owner.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Json("""{"answers":{"org.hosting":"moon"}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(0, (await ReadAsync(await owner.GetAsync(new Uri($"{api}/answers", UriKind.Relative)))).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Tailored_wording_reaches_a_draft_only_after_a_person_approves_it()
    {
        await using var model = await Documents.ScriptedChatServer.StartAsync();
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["Tailoring:Endpoint"] = model.Endpoint.ToString(),
            ["Tailoring:Model"] = "scripted",
        });
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        await ReadAsync(await contributor.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Json(AcmeAnswersJson())));
        await ReadAsync(await contributor.PostAsync(new Uri($"{api}/documents/generate", UriKind.Relative), Json("""{"templateIds":["ai-policy"]}""")));
        var document = await DocumentAsync(contributor, api, "ai-policy");
        var url = $"{api}/documents/{document.GetProperty("summary").GetProperty("documentId").GetString()}";
        var markdown = document.GetProperty("latestMarkdown").GetString()!;
        var purpose = markdown.Split('\n').Single(l => l.EndsWith("`[purpose]`", StringComparison.Ordinal))[..^" `[purpose]`".Length];
        var audience = markdown.Split('\n').Single(l => l.EndsWith("`[audience]`", StringComparison.Ordinal))[..^" `[audience]`".Length];
        model.Answer(JsonSerializer.Serialize(new
        {
            statements = new[]
            {
                new { id = "ai-policy.purpose", text = "For Acme, this policy lays down how AI systems are built, supplied and used, the principles all AI work must follow, and the AI uses Acme rules out." },
                new { id = "ai-policy.audience", text = "This policy covers nobody in particular." },
            },
        }));

        var proposals = await ReadAsync(await contributor.PostAsync(new Uri(url + "/tailor", UriKind.Relative), Json("""{"statementIds":["ai-policy.purpose","ai-policy.audience"]}""")));

        var items = proposals.EnumerateArray().ToDictionary(p => p.GetProperty("statementId").GetString()!);
        Assert.Equal("pending", items["ai-policy.purpose"].GetProperty("status").GetString());
        Assert.Equal("refused", items["ai-policy.audience"].GetProperty("status").GetString());
        Assert.Contains("missing from the rewrite", items["ai-policy.audience"].GetProperty("refusal").GetString(), StringComparison.Ordinal);

        // Pending: the draft keeps the deterministic text.
        await ReadAsync(await contributor.PostAsync(new Uri($"{api}/documents/generate", UriKind.Relative), Json("""{"templateIds":["ai-policy"]}""")));
        Assert.Contains(purpose, (await ReadAsync(await contributor.GetAsync(new Uri(url, UriKind.Relative)))).GetProperty("latestMarkdown").GetString(), StringComparison.Ordinal);

        var id = items["ai-policy.purpose"].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsync(new Uri($"{url}/tailorings/{id}/approve", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(new Uri($"{url}/tailorings/{id}/approve", UriKind.Relative), null)).StatusCode);
        var regenerated = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/documents/generate", UriKind.Relative), Json("""{"templateIds":["ai-policy"]}""")));
        Assert.Equal(1, regenerated.GetProperty("drafts").GetInt32());
        var tailored = (await ReadAsync(await contributor.GetAsync(new Uri(url, UriKind.Relative)))).GetProperty("latestMarkdown").GetString()!;
        Assert.Contains("For Acme, this policy lays down", tailored, StringComparison.Ordinal);
        Assert.DoesNotContain(purpose, tailored, StringComparison.Ordinal);
        Assert.Contains(audience, tailored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tailoring_is_refused_readably_when_no_model_is_configured()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var documentId = await host.DocumentAsync(host.OrganizationA);

        var response = await owner.PostAsync(new Uri($"{api}/documents/{documentId}/tailor", UriKind.Relative), Json("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tailoring is off", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_existing_policy_registered_with_its_requirements_counts_in_the_gap_analysis(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% our impact assessment procedure of 2024\n%%EOF\n");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Impact assessment procedure (2024)"), "title" },
            { new StringContent("2.3"), "version" },
            { new StringContent("iso42001-2023:A.5.2, iso42001-2023:6.1.4"), "requirementIds" },
            { new ByteArrayContent(pdf), "file", "ia-procedure.pdf" },
        };

        var registered = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/registered-documents", UriKind.Relative), form));

        Assert.Equal(["iso42001-2023:A.5.2", "iso42001-2023:6.1.4"], registered.GetProperty("requirementIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("application/pdf", registered.GetProperty("contentType").GetString());
        var gap = await ReadAsync(await contributor.GetAsync(new Uri($"{api}/gap/iso42001-2023?format=json", UriKind.Relative)));
        var row = gap.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "iso42001-2023:A.5.2");
        Assert.Equal(("partially_satisfied", "documented"), (row.GetProperty("result").GetString(), row.GetProperty("basis").GetString()));
        Assert.Contains("Impact assessment procedure (2024)' 2.3", row.GetProperty("reason").GetString(), StringComparison.Ordinal);

        using var unknown = new MultipartFormDataContent
        {
            { new StringContent("Bad"), "title" },
            { new StringContent("iso42001-2023:A.99"), "requirementIds" },
            { new ByteArrayContent(pdf), "file", "bad.pdf" },
        };
        var refused = await contributor.PostAsync(new Uri($"{api}/registered-documents", UriKind.Relative), unknown);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Unknown requirement ids: iso42001-2023:A.99", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_two_approvals_required_a_revision_needs_two_different_approvers()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var api = $"/api/orgs/{host.OrganizationA}";
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsync(new Uri($"{api}/settings/document-approvals", UriKind.Relative), Json("""{"count":2}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PutAsync(new Uri($"{api}/settings/document-approvals", UriKind.Relative), Json("""{"count":7}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PutAsync(new Uri($"{api}/settings/document-approvals", UriKind.Relative), Json("""{"count":2}"""))).StatusCode);
        await ReadAsync(await contributor.PostAsync(new Uri($"{api}/documents/generate", UriKind.Relative), Json("""{"templateIds":["ai-policy"]}""")));
        var url = $"{api}/documents/{(await DocumentAsync(contributor, api, "ai-policy")).GetProperty("summary").GetProperty("documentId").GetString()}";
        await contributor.PostAsync(new Uri(url + "/submit", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(new Uri(url + "/approve", UriKind.Relative), null)).StatusCode);
        Assert.Equal("in_review", (await ReadAsync(await owner.GetAsync(new Uri(url, UriKind.Relative)))).GetProperty("summary").GetProperty("latest").GetProperty("status").GetString());
        var twice = await owner.PostAsync(new Uri(url + "/approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("already approved", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync(new Uri(url + "/approve", UriKind.Relative), null)).StatusCode);

        var latest = (await ReadAsync(await owner.GetAsync(new Uri(url, UriKind.Relative)))).GetProperty("summary").GetProperty("latest");
        Assert.Equal("approved", latest.GetProperty("status").GetString());
        Assert.Equal("user:owner@a.example (token", latest.GetProperty("approvedBy").GetString()![..27]);
        Assert.Contains("user:manager@a.example", latest.GetProperty("approvedBy").GetString(), StringComparison.Ordinal);
    }
}
