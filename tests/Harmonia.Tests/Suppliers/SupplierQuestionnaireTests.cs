using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Suppliers;

/// <summary>
/// Issue 15 item 2: a due diligence questionnaire sent to a supplier, answered through a link that needs no account,
/// reviewed and accepted, and what that earns in the gap analysis. Organization A is the acme sample (SUP-1 to SUP-4).
/// </summary>
public sealed class SupplierQuestionnaireTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<(string Result, string Reason)> GapRowAsync(HttpClient client, string api, string requirement)
    {
        var framework = requirement.Split(':')[0];
        var gap = await ReadAsync(await client.GetAsync(Url($"{api}/gap/{framework}?format=json")));
        var row = gap.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == requirement);
        return (row.GetProperty("result").GetString()!, row.GetProperty("reason").GetString()!);
    }

    private const string ModelProvider = """
        {"name":"Lumen Models SAS","services":"Hosted foundation model API","kind":"model-provider","tier":"critical","status":"active",
         "contacts":[{"name":"Trust team","email":"trust@lumen.example"}],
         "contracts":[{"title":"API terms 2026","starts":"2026-01-01","clauses":["security","confidentiality","ai-use-of-customer-data","model-change-notice","audit-rights","incident-notification","sub-processors"]}],
         "aiSystems":[{"aiSystem":"AI-02","role":"ai-producer"}]}
        """;

    /// <summary>The supplier's browser: no account, cookies kept (for antiforgery), redirects not followed.</summary>
    private static async Task<HttpResponseMessage> PostAnswersAsync(HttpClient supplier, string linkPath, string action, IReadOnlyDictionary<string, string> answers, (string Question, string Name, byte[] Bytes)? file = null)
    {
        var hidden = ApiHost.HiddenFields(await supplier.GetStringAsync(Url(linkPath)));
        var form = new MultipartFormDataContent { { new StringContent(hidden["__RequestVerificationToken"]), "__RequestVerificationToken" }, { new StringContent(action), "action" } };
        foreach (var (key, value) in answers)
        {
            form.Add(new StringContent(value), "a:" + key);
        }

        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "f:" + f.Question, f.Name);
        }

        return await supplier.PostAsync(Url(linkPath + "/save"), form);
    }

    private static readonly Dictionary<string, string> GoodAnswers = new()
    {
        ["security-programme"] = "yes",
        ["training-data-provenance"] = "Licensed corpora and public-domain text, each source in our data register with its licence.",
        ["training-data-rights"] = "yes",
        ["customer-data-training"] = "never",
        ["model-change-notice"] = "yes",
        ["incident-reporting"] = "yes",
        ["human-oversight"] = "yes",
        ["transparency-documentation"] = "model-card",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_AI_questionnaire_is_answered_through_the_link_reviewed_accepted_and_counts_as_the_review_of_the_model_provider(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var supplier = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers"), Json(ModelProvider)), HttpStatusCode.Created);
        var supplierId = supplier.GetProperty("id").GetString();
        Assert.Contains("SUP-5 Lumen Models SAS (never reviewed)", (await GapRowAsync(contributor, api, "iso42001-2023:A.10.3")).Reason, StringComparison.Ordinal);

        // Refused with the field named: an unknown template, a link valid too long.
        var refused = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/{supplierId}/questionnaires"), Json("""{"template":"astrology","validForDays":400}""")), HttpStatusCode.BadRequest);
        Assert.Equal(["template", "validForDays"], refused.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());

        // Sent to the contact on record: the link is in the answer, once, and only its SHA-256 is stored.
        var sent = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/{supplierId}/questionnaires"), Json("""{"template":"ai-supplier"}""")), HttpStatusCode.Created);
        Assert.Equal("trust@lumen.example", sent.GetProperty("sentTo").GetString());
        var link = new Uri(sent.GetProperty("link").GetString()!);
        var token = link.AbsolutePath.Split('/').Last();
        Assert.StartsWith("hq_", token, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(token[3..].Replace('-', '+').Replace('_', '/') + "=").Length);
        var questionnaireId = Guid.Parse(sent.GetProperty("id").GetString()!);
        Assert.False((await ReadAsync(await contributor.GetAsync(Url($"{api}/supplier-questionnaires/{questionnaireId}")))).TryGetProperty("link", out var again) && again.ValueKind == JsonValueKind.String);

        // The supplier: no account. The link opens this questionnaire and nothing about the rest of the organization.
        using var anonymous = host.Client(null);
        var page = await anonymous.GetStringAsync(Url(link.AbsolutePath));
        Assert.Contains("AI supplier questionnaire", page, StringComparison.Ordinal);
        Assert.Contains("Lumen Models SAS", page, StringComparison.Ordinal);
        Assert.DoesNotContain("HelpDeskly", page, StringComparison.Ordinal);
        Assert.DoesNotContain("AI-02", page, StringComparison.Ordinal);

        // A draft, then the submission with a document.
        using var draft = await PostAnswersAsync(anonymous, link.AbsolutePath, "save", new Dictionary<string, string> { ["security-programme"] = "yes" });
        Assert.Contains("Draft saved (version 1)", await draft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await PostAnswersAsync(anonymous, link.AbsolutePath, "submit", new Dictionary<string, string> { ["customer-data-training"] = "never" });
        Assert.Contains("an answer is needed before you submit", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var card = Encoding.ASCII.GetBytes("%PDF-1.4\n% model card of Lumen 3\n%%EOF\n");
        using var submitted = await PostAnswersAsync(anonymous, link.AbsolutePath, "submit", GoodAnswers, ("evaluation-and-bias", "model-card.pdf", card));
        Assert.Contains("Your answers were submitted", await submitted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var late = await PostAnswersAsync(anonymous, link.AbsolutePath, "save", GoodAnswers);
        Assert.Contains("being reviewed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Versioned and hashed like evidence: two saves, each with the SHA-256 of what was stored; the file is in the store.
        var versions = await ReadAsync(await contributor.GetAsync(Url($"{api}/supplier-questionnaires/{questionnaireId}/versions")));
        Assert.Equal([false, true], versions.EnumerateArray().Select(v => v.GetProperty("submitted").GetBoolean()).ToArray());
        var questionnaire = await ReadAsync(await contributor.GetAsync(Url($"{api}/supplier-questionnaires/{questionnaireId}")));
        Assert.Equal("submitted", questionnaire.GetProperty("status").GetString());
        var document = questionnaire.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "evaluation-and-bias");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(card)), document.GetProperty("sha256").GetString());
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            var record = await db.SupplierQuestionnaires.SingleAsync(q => q.Id == questionnaireId);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), record.TokenHash);
            foreach (var version in await db.SupplierAnswerVersions.Where(v => v.QuestionnaireId == questionnaireId).ToListAsync())
            {
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version.AnswersJson))), version.Sha256);
            }

            // The audit trail has every step, the supplier's saves under its contact, and never the link or its hash.
            // The acme sample's own accepted questionnaire has an answer version too; only this questionnaire's are counted.
            var ownVersions = await db.SupplierAnswerVersions.Where(v => v.QuestionnaireId == questionnaireId).Select(v => v.Id.ToString()).ToListAsync();
            var events = await db.AuditEvents.Where(e => e.EntityType.Contains("Questionnaire") || e.EntityType.Contains("AnswerVersion")).ToListAsync();
            Assert.Contains(events, e => e.Actor.StartsWith("supplier:trust@lumen.example", StringComparison.Ordinal));
            Assert.Equal(2, events.Count(e => e.EntityType.Contains("AnswerVersion") && ownVersions.Contains(e.EntityId, StringComparer.OrdinalIgnoreCase)));
            Assert.All(events, e => Assert.DoesNotContain(token, e.Changes, StringComparison.Ordinal));
            Assert.All(events, e => Assert.DoesNotContain(record.TokenHash, e.Changes, StringComparison.Ordinal));
            return true;
        });

        // The reviewer: accepting needs the text and document answers marked; then the score and the credit.
        var early = await ReadAsync(await contributor.PostAsync(Url($"{api}/supplier-questionnaires/{questionnaireId}/review"), Json("""{"action":"accept"}""")), HttpStatusCode.BadRequest);
        Assert.Contains("training-data-provenance", early.GetProperty("errors").GetProperty("marks")[0].GetString(), StringComparison.Ordinal);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(Url($"{api}/supplier-questionnaires/{questionnaireId}/review"), Json("""{"action":"accept"}"""))).StatusCode);
        await ReadAsync(await contributor.PostAsync(Url($"{api}/supplier-questionnaires/{questionnaireId}/review"), Json("""
            {"action":"mark","marks":[{"question":"training-data-provenance","result":"pass"},{"question":"evaluation-and-bias","result":"pass","comment":"Card covers group metrics."}],"comment":"Read by the AI lead."}
            """)));
        var accepted = await ReadAsync(await contributor.PostAsync(Url($"{api}/supplier-questionnaires/{questionnaireId}/review"), Json("""{"action":"accept"}""")));
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(100, accepted.GetProperty("score").GetInt32());
        Assert.Contains("iso42001-2023:A.10.3", accepted.GetProperty("requirementsPassed").EnumerateArray().Select(r => r.GetString()));

        // The accepted questionnaire is SUP-5's review for the controls its answers serve, and the reason says so.
        var (_, reason) = await GapRowAsync(contributor, api, "iso42001-2023:A.10.3");
        Assert.Contains("SUP-5 by the AI supplier questionnaire accepted " + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason, StringComparison.Ordinal);
        Assert.DoesNotContain("SUP-5 Lumen Models SAS (never reviewed", reason, StringComparison.Ordinal);
        Assert.Contains("SUP-5 by the AI supplier questionnaire", (await GapRowAsync(contributor, api, "iso27001-2022:A.5.19")).Reason, StringComparison.Ordinal);

        // A.5.20 is served by no question of the AI set: SUP-5 is still unreviewed there.
        Assert.Contains("SUP-5 Lumen Models SAS (never reviewed)", (await GapRowAsync(contributor, api, "iso27001-2022:A.5.20")).Reason, StringComparison.Ordinal);

        // Accepted answers close the link for changes; the page still opens read-only.
        Assert.Contains("no longer open for changes", await anonymous.GetStringAsync(Url(link.AbsolutePath)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_link_reaches_its_own_questionnaire_only_and_a_revoked_or_expired_one_nothing(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var suppliers = (await ReadAsync(await owner.GetAsync(Url($"{api}/suppliers")))).GetProperty("items").EnumerateArray().ToArray();
        async Task<(Guid Id, string Path, string Token)> SendAsync(JsonElement to, string template)
        {
            var sent = await ReadAsync(await owner.PostAsync(Url($"{api}/suppliers/{to.GetProperty("id").GetString()}/questionnaires"), Json($$"""{"template":"{{template}}","sendTo":"answers@{{to.GetProperty("key").GetString()}}.example"}""")), HttpStatusCode.Created);
            var path = new Uri(sent.GetProperty("link").GetString()!).AbsolutePath;
            return (Guid.Parse(sent.GetProperty("id").GetString()!), path, path.Split('/').Last());
        }

        var first = await SendAsync(suppliers[0], "security-baseline");
        var second = await SendAsync(suppliers[1], "security-baseline");
        using var anonymous = host.Client(null);
        using var draft = await PostAnswersAsync(anonymous, first.Path, "save", new Dictionary<string, string> { ["sub-processors"] = "Only Northwind Hosting, told 60 days ahead." });
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);

        // Another supplier's link reads nothing of this one.
        var other = await anonymous.GetStringAsync(Url(second.Path));
        Assert.Contains(suppliers[1].GetProperty("name").GetString()!, other, StringComparison.Ordinal);
        Assert.DoesNotContain(suppliers[0].GetProperty("name").GetString()!, other, StringComparison.Ordinal);
        Assert.DoesNotContain("Northwind Hosting, told 60 days ahead", other, StringComparison.Ordinal);

        // The secret is no credential for the API or any page of the organization.
        using var bearer = host.Client(first.Token);
        foreach (var url in new[] { $"{api}/suppliers", $"{api}/supplier-questionnaires/{first.Id}", "/api/orgs" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync(Url(url))).StatusCode);
        }

        using var raw = host.RawClient();
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, Url($"/orgs/{host.OrganizationA}/suppliers"));
        pageRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", first.Token);
        using var pageResponse = await raw.SendAsync(pageRequest);
        Assert.NotEqual(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.DoesNotContain(suppliers[0].GetProperty("name").GetString()!, await pageResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A guessed or altered link opens nothing.
        foreach (var guess in new[] { "/supplier-questionnaire/hq_" + new string('A', 43), first.Path[..^1] + (first.Path[^1] == 'A' ? 'B' : 'A'), "/supplier-questionnaire/" + first.Id })
        {
            using var response = await anonymous.GetAsync(Url(guess));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("This questionnaire link is not valid", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Information security baseline", body, StringComparison.Ordinal);
            Assert.DoesNotContain("<form", body, StringComparison.Ordinal);
        }

        // Revoked: the link is dead, and a save through it (with a valid form token from the open link) changes nothing.
        using (var secondDraft = await PostAnswersAsync(anonymous, second.Path, "save", new Dictionary<string, string> { ["security-programme"] = "yes" }))
        {
            Assert.Contains("Draft saved (version 1)", await secondDraft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var formToken = ApiHost.HiddenFields(await anonymous.GetStringAsync(Url(second.Path)))["__RequestVerificationToken"];
        async Task<string> DeadSaveAsync(string path)
        {
            using var form = new MultipartFormDataContent { { new StringContent(formToken), "__RequestVerificationToken" }, { new StringContent("save"), "action" }, { new StringContent("yes"), "a:security-programme" } };
            using var response = await anonymous.PostAsync(Url(path + "/save"), form);
            return await response.Content.ReadAsStringAsync();
        }

        await ReadAsync(await owner.PostAsync(Url($"{api}/supplier-questionnaires/{first.Id}/revoke"), null));
        var revoked = await anonymous.GetStringAsync(Url(first.Path));
        Assert.Contains("This questionnaire was withdrawn", revoked, StringComparison.Ordinal);
        Assert.DoesNotContain("Northwind Hosting, told 60 days ahead", revoked, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", revoked[revoked.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("This questionnaire was withdrawn", await DeadSaveAsync(first.Path), StringComparison.Ordinal);

        // Expired: the same, with the reason.
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            (await db.SupplierQuestionnaires.SingleAsync(q => q.Id == second.Id)).ExpiresUtc = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("This questionnaire link has expired", await anonymous.GetStringAsync(Url(second.Path)), StringComparison.Ordinal);
        Assert.Contains("This questionnaire link has expired", await DeadSaveAsync(second.Path), StringComparison.Ordinal);

        // Nothing was saved through the dead links: each still has its one draft.
        Assert.Single((await ReadAsync(await owner.GetAsync(Url($"{api}/supplier-questionnaires/{first.Id}/versions")))).EnumerateArray());
        Assert.Single((await ReadAsync(await owner.GetAsync(Url($"{api}/supplier-questionnaires/{second.Id}/versions")))).EnumerateArray());

        // Another organization does not find the questionnaire.
        using var outsider = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Url($"/api/orgs/{host.OrganizationB}/supplier-questionnaires/{first.Id}"))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organization_file_that_leaves_out_a_questioned_supplier_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var supplier = await host.NewSupplierAsync(host.OrganizationA);
        var questionnaire = await host.NewQuestionnaireAsync(host.OrganizationA, supplier);
        var before = (await ReadAsync(await owner.GetAsync(Url($"{api}/suppliers")))).GetRawText();

        var file = new StringContent(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "greenfield-startup.yaml")), Encoding.UTF8, "application/yaml");
        var refused = await ReadAsync(await owner.PostAsync(Url($"{api}/import"), file), HttpStatusCode.BadRequest);
        Assert.Contains("questionnaires were sent", refused.GetRawText(), StringComparison.Ordinal);

        Assert.Equal(before, (await ReadAsync(await owner.GetAsync(Url($"{api}/suppliers")))).GetRawText());
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            Assert.True(await s.GetRequiredService<HarmoniaDbContext>().SupplierQuestionnaires.AnyAsync(q => q.Id == questionnaire));
            return true;
        });
    }

    [Fact]
    public async Task An_organization_adds_its_own_questionnaire_validated_like_ours()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var refused = await ReadAsync(await owner.PostAsync(Url($"{api}/supplier-questionnaire-templates"), new StringContent("""
            key: payroll
            title: Payroll processor checks
            purpose: What we ask payroll bureaus.
            questions:
              - key: payslips
                text: Are payslips encrypted?
                type: yes-no
                weight: 2
                requirements: [iso27001-2022:A.99.1]
                colour: blue
            """, Encoding.UTF8, "application/yaml")), HttpStatusCode.BadRequest);
        var messages = string.Join("\n", refused.GetProperty("errors").GetProperty("yaml").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("unknown key 'colour'", messages, StringComparison.Ordinal);
        Assert.Contains("unknown requirement 'iso27001-2022:A.99.1'", messages, StringComparison.Ordinal);
        Assert.Contains("needs 'expected'", messages, StringComparison.Ordinal);
        Assert.Contains("line 10, column 5: unknown key 'colour'", messages, StringComparison.Ordinal);

        await ReadAsync(await owner.PostAsync(Url($"{api}/supplier-questionnaire-templates"), new StringContent("""
            key: payroll
            title: Payroll processor checks
            purpose: What we ask payroll bureaus.
            questions:
              - key: payslips
                text: Are payslips encrypted at rest?
                type: yes-no
                expected: "yes"
                weight: 2
                required: true
                requirements: [iso27001-2022:A.5.19, iso27001-2022:A.8.24]
            """, Encoding.UTF8, "application/yaml")));
        var templates = await ReadAsync(await owner.GetAsync(Url($"{api}/supplier-questionnaire-templates")));
        Assert.Equal(["ai-supplier", "payroll", "security-baseline"], templates.EnumerateArray().Select(t => t.GetProperty("key").GetString()!).Order(StringComparer.Ordinal).ToArray());

        // Another organization neither sees nor can send it.
        using var outsider = host.Client(host.TokenB);
        Assert.DoesNotContain("payroll", await outsider.GetStringAsync(Url($"/api/orgs/{host.OrganizationB}/supplier-questionnaire-templates")), StringComparison.Ordinal);
    }
}
