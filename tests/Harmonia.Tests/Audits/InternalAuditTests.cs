using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Audits;

/// <summary>Issue 6, first part: an integrated internal audit, a major nonconformity through corrective action to closure, readiness.</summary>
public sealed class InternalAuditTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_major_nonconformity_blocks_its_requirement_and_stage_2_until_its_corrective_action_is_closed(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";

        var refused = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/audits", UriKind.Relative), Json("""{"key":"","frameworks":["iso9001"],"auditors":[]}""")), HttpStatusCode.BadRequest);
        Assert.Equal(["auditors", "frameworks", "key", "plannedStart", "title"], refused.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());

        // One integrated audit of both standards; the CISO owns controls in scope, so the programme flags it.
        var audit = await ReadAsync(await contributor.PostAsync(new Uri($"{api}/audits", UriKind.Relative), Json("""
            {"key":"IA-2026-01","title":"Integrated ISMS and AIMS audit","frameworks":["iso27001-2022","iso42001-2023"],"processes":["Model release"],
             "criteria":"ISO/IEC 27001:2022, ISO/IEC 42001:2023 and our policies","plannedStart":"2026-05-04","plannedEnd":"2026-05-08","auditors":["Lead auditor","CISO"]}
            """)), HttpStatusCode.Created);
        var url = $"{api}/audits/{audit.GetProperty("id").GetString()}";
        var detail = await ReadAsync(await contributor.GetAsync(new Uri(url, UriKind.Relative)));
        var checklist = detail.GetProperty("checklist").EnumerateArray().ToArray();
        var shared = checklist.Single(r => r.GetProperty("item").GetProperty("key").GetString() == "clause:9.2.2");
        Assert.Equal(["iso27001-2022:9.2.2", "iso42001-2023:9.2.2"], shared.GetProperty("item").GetProperty("requirementIds").EnumerateArray().Select(r => r.GetString()));
        Assert.True(checklist.Length < 93 + 38 + 2 * 30, $"{checklist.Length} items: harmonized clauses should be audited once");
        Assert.Contains(detail.GetProperty("independenceConflicts").EnumerateArray(), c => c.GetString()!.StartsWith("CISO owns", StringComparison.Ordinal));

        // A major nonconformity against 42001 6.1.4: the gap analysis and readiness both say so.
        var impactKey = checklist.Select(r => r.GetProperty("item").GetProperty("key").GetString()!).Single(k => k == "iso42001-2023:6.1.4");
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsync(new Uri(url + "/results", UriKind.Relative), Json($$"""{"itemKey":"{{impactKey}}","grade":"MajorNonconformity"}"""))).StatusCode);
        var recorded = await ReadAsync(await contributor.PostAsync(new Uri(url + "/results", UriKind.Relative), Json($$"""{"itemKey":"{{impactKey}}","grade":"MajorNonconformity","note":"No impact assessment exists for the PD model in production.","sampled":"AI-02"}""")));
        Assert.Equal(("MajorNonconformity", "in-progress"), (recorded.GetProperty("result").GetProperty("grade").GetString(), recorded.GetProperty("auditStatus").GetString()));
        var nc = recorded.GetProperty("raised");
        Assert.Equal(nc.GetProperty("id").GetString(), (await ReadAsync(await contributor.GetAsync(new Uri(url, UriKind.Relative)))).GetProperty("nonconformities").EnumerateArray().Single().GetProperty("id").GetString());
        Assert.Equal("NC-1", nc.GetProperty("key").GetString());
        var gap = await ReadAsync(await contributor.GetAsync(new Uri($"{api}/gap/iso42001-2023?format=json", UriKind.Relative)));
        var row = gap.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "iso42001-2023:6.1.4");
        Assert.Equal("not_satisfied", row.GetProperty("result").GetString());
        Assert.StartsWith("Open major nonconformity NC-1 (internal audit IA-2026-01)", row.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var readiness = await ReadAsync(await contributor.GetAsync(new Uri($"{api}/readiness", UriKind.Relative)));
        var stage2 = readiness.GetProperty("integrated").GetProperty("stage2");
        Assert.False(stage2.GetProperty("ready").GetBoolean());
        Assert.Contains(stage2.GetProperty("blocking").EnumerateArray(), b => b.GetProperty("fixAt").GetProperty("kind").GetString() is "Nonconformity" or "nonconformity");

        // Correction, root cause (5 whys), action, effectiveness, closure; steps out of order are refused.
        var ncUrl = $"{api}/nonconformities/{nc.GetProperty("id").GetString()}";
        var version = 1;
        async Task<JsonElement> StepAsync(string body, HttpStatusCode expected = HttpStatusCode.OK)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ncUrl + "/steps", UriKind.Relative)) { Content = Json(body) };
            request.Headers.IfMatch.ParseAdd($"\"{version}\"");
            var result = await ReadAsync(await contributor.SendAsync(request), expected);
            if (expected == HttpStatusCode.OK)
            {
                version = result.GetProperty("version").GetInt32();
            }

            return result;
        }

        await StepAsync("""{"step":"close"}""", HttpStatusCode.BadRequest);
        await StepAsync("""{"step":"correction","text":"Impact assessment of the PD model started the same day."}""");
        await StepAsync("""{"step":"root-cause","whys":["No assessment was made","Nobody owned it","The AI procedure did not name an owner"]}""");
        var planned = await StepAsync($$"""{"step":"plan","actions":[{"description":"Name an owner for impact assessments in the AI procedure","owner":"AI Governance Lead","due":"{{DateTime.UtcNow.AddDays(30):yyyy-MM-dd}}"}]}""");
        var actionId = planned.GetProperty("nonconformity").GetProperty("actions")[0].GetProperty("id").GetString();
        await StepAsync($$"""{"step":"complete-action","actionId":"{{actionId}}"}""");
        await StepAsync("""{"step":"verify","effective":true,"text":"Two assessments since, both on time."}""");
        var closed = await StepAsync("""{"step":"close"}""");
        Assert.Equal("Closed", closed.GetProperty("nonconformity").GetProperty("state").GetString());
        gap = await ReadAsync(await contributor.GetAsync(new Uri($"{api}/gap/iso42001-2023?format=json", UriKind.Relative)));
        row = gap.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "iso42001-2023:6.1.4");
        Assert.DoesNotContain("nonconformity", row.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);

        // The audit completes only when every item has a result; then readiness sees it.
        // The Auditor role records the rest and completes the audit: its own work, without the right to edit records.
        using var auditor = host.Client(host.TokensA[OrganizationRole.Auditor]);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.PostAsync(new Uri(url + "/complete", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(new Uri(url + "/results", UriKind.Relative), Json("""{"itemKey":"iso27001-2022:5.2","grade":"Conforming"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync(new Uri($"{api}/controls", UriKind.Relative), Json("""{"key":"C-X","name":"x","status":"implemented"}"""))).StatusCode);
        foreach (var key in checklist.Select(r => r.GetProperty("item").GetProperty("key").GetString()!).Where(k => k != impactKey))
        {
            var body = key == "iso27001-2022:A.5.7"
                ? $$"""{"itemKey":"{{key}}","grade":"OpportunityForImprovement","note":"Threat intelligence feeds could cover AI model supply chains."}"""
                : $$"""{"itemKey":"{{key}}","grade":"Conforming"}""";
            Assert.Equal(HttpStatusCode.OK, (await auditor.PostAsync(new Uri(url + "/results", UriKind.Relative), Json(body))).StatusCode);
        }

        var completed = await ReadAsync(await auditor.PostAsync(new Uri(url + "/complete", UriKind.Relative), null));
        Assert.Equal("completed", completed.GetProperty("audit").GetProperty("status").GetString());

        // The audit report, outside the pack: a valid Word file, and the findings in the Markdown.
        var report = await contributor.GetAsync(new Uri(url + "/report/docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await report.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word));
        }

        var reportText = await contributor.GetStringAsync(new Uri(url + "/report/md", UriKind.Relative));
        Assert.Contains("No impact assessment exists for the PD model in production.", reportText, StringComparison.Ordinal);
        Assert.Contains("Threat intelligence feeds could cover AI model supply chains.", reportText, StringComparison.Ordinal);
        Assert.Contains("NC-1", reportText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.GetAsync(new Uri(url + "/report/odt", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsync(new Uri(url + "/results", UriKind.Relative), Json($$"""{"itemKey":"{{impactKey}}","grade":"Conforming"}"""))).StatusCode);
        readiness = await ReadAsync(await contributor.GetAsync(new Uri($"{api}/readiness", UriKind.Relative)));
        var blocking = readiness.GetProperty("integrated").GetProperty("stage2").GetProperty("blocking").EnumerateArray().Select(b => b.GetProperty("text").GetString()!).ToArray();
        Assert.DoesNotContain(blocking, b => b.Contains("internal audit", StringComparison.OrdinalIgnoreCase) && b.Contains("No ", StringComparison.Ordinal));
        Assert.Contains(blocking, b => b.Contains("management review", StringComparison.OrdinalIgnoreCase));

        // The management review's inputs show the audit and the nonconformity; holding it clears that blocking item.
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var inputs = (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/management-reviews/inputs", UriKind.Relative)))).EnumerateArray().ToArray();
        string Facts(string topic) => string.Join(" | ", inputs.Single(i => i.GetProperty("topic").GetString() == topic).GetProperty("facts").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("1 raised since", Facts("Nonconformities and corrective actions"), StringComparison.Ordinal);
        Assert.Contains("IA-2026-01 Integrated ISMS and AIMS audit, completed", Facts("Audit results"), StringComparison.Ordinal);
        // Grades in words and in their own order (conforming first), the same on both databases.
        Assert.Matches(@"\| \d+ conforming, 1 major nonconformity, 1 opportunity for improvement$", Facts("Audit results"));
        Assert.Contains("of 2 AI systems have a current, approved impact assessment", Facts("AI system impact assessment results"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsync(new Uri($"{api}/management-reviews", UriKind.Relative), Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsync(new Uri($"{api}/management-reviews", UriKind.Relative), Json("""{"attendees":[]}"""))).StatusCode);
        // Held by top management: a named member attends (an app role alone is not top management).
        var director = await host.NewTopManagementMemberAsync(host.OrganizationA);
        await ReadAsync(await owner.PostAsync(new Uri($"{api}/management-reviews", UriKind.Relative), Json($$"""
            {"heldOn":"{{DateTime.UtcNow:yyyy-MM-dd}}","attendees":["ISMS Manager","AI Governance Lead"],"topManagementAttendees":["{{director}}"],"decisions":"Both systems are effective; assess AI-01 by June.",
             "actions":[{"description":"Impact assessment of AI-01","owner":"AI Governance Lead","due":"{{DateTime.UtcNow.AddMonths(2):yyyy-MM-dd}}"}]}
            """)), HttpStatusCode.Created);
        readiness = await ReadAsync(await contributor.GetAsync(new Uri($"{api}/readiness", UriKind.Relative)));
        Assert.DoesNotContain(readiness.GetProperty("integrated").GetProperty("stage2").GetProperty("blocking").EnumerateArray(), b => b.GetProperty("fixAt").GetProperty("kind").GetString() == "Review");
        var next = (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/management-reviews/inputs", UriKind.Relative)))).EnumerateArray().First();
        Assert.Contains("0 of 1 actions from the review of", string.Join(" ", next.GetProperty("facts").EnumerateArray().Select(f => f.GetString())), StringComparison.Ordinal);
        var opportunities = (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/management-reviews/inputs", UriKind.Relative)))).EnumerateArray().Single(i => i.GetProperty("topic").GetString() == "Opportunities for continual improvement");
        Assert.Contains("From audits: Threat intelligence feeds could cover AI model supply chains.", opportunities.GetProperty("facts").EnumerateArray().Select(f => f.GetString()));

        // The review's action is tracked to done; a wrong number, a date before the review and a second time are refused.
        var reviewId = (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/management-reviews", UriKind.Relative)))).EnumerateArray().Single().GetProperty("id").GetString();
        var done = $"{api}/management-reviews/{reviewId}/actions";
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsync(new Uri($"{done}/2/done", UriKind.Relative), Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsync(new Uri($"{done}/1/done", UriKind.Relative), Json("""{"doneOn":"2020-01-01"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(new Uri($"{done}/1/done", UriKind.Relative), Json("{}"))).StatusCode);
        var marked = await ReadAsync(await contributor.PostAsync(new Uri($"{done}/1/done", UriKind.Relative), Json("""{"note":"AI-01 assessed and approved."}""")));
        Assert.Equal("AI-01 assessed and approved.", marked.GetProperty("actions")[0].GetProperty("doneNote").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsync(new Uri($"{done}/1/done", UriKind.Relative), Json("{}"))).StatusCode);
        next = (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/management-reviews/inputs", UriKind.Relative)))).EnumerateArray().First();
        Assert.Contains("1 of 1 actions from the review of", string.Join(" ", next.GetProperty("facts").EnumerateArray().Select(f => f.GetString())), StringComparison.Ordinal);
        var minutes = await contributor.GetStringAsync(new Uri($"{api}/management-reviews/{reviewId}/minutes/md", UriKind.Relative));
        Assert.Contains("AI-01 assessed and approved.", minutes, StringComparison.Ordinal);
        Assert.Contains("Both systems are effective; assess AI-01 by June.", minutes, StringComparison.Ordinal);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await contributor.GetByteArrayAsync(new Uri($"{api}/management-reviews/{reviewId}/minutes/pdf", UriKind.Relative))))
        {
            Assert.Contains("Both systems are effective; assess AI-01 by June.", string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), StringComparison.Ordinal);
        }

        // The audit pack for the certification body verifies; a changed file is named.
        var zip = await auditor.GetByteArrayAsync(new Uri($"{api}/audit-pack.zip", UriKind.Relative));
        var signingKey = await ReadAsync(await auditor.GetAsync(new Uri($"{api}/audit-pack/key", UriKind.Relative)));
        var path = Path.Combine(Path.GetTempPath(), $"pack-{Guid.NewGuid():N}.zip");
        try
        {
            await File.WriteAllBytesAsync(path, zip);
            using (var archive = System.IO.Compression.ZipFile.OpenRead(path))
            {
                var names = archive.Entries.Select(e => e.FullName).ToArray();
                foreach (var expected in new[] { "audits/IA-2026-01-report.pdf", "risks/risk-treatment-plan.pdf", "risks/risk-treatment-plan.xlsx", "evidence-index.csv", "audit-trail.csv", "manifest.json", "manifest.sig" })
                {
                    Assert.Contains(expected, names);
                }

                Assert.Contains(names, n => n.StartsWith("reviews/review-", StringComparison.Ordinal));
            }

            var verified = CliRun.Of("pack", "verify", path, "--fingerprint", signingKey.GetProperty("fingerprint").GetString()!);
            Assert.True(verified.ExitCode == 0, verified.Error);
            Assert.Contains("verified", verified.Out, StringComparison.Ordinal);
            using (var archive = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
            {
                var entry = archive.GetEntry("evidence-index.csv")!;
                using var stream = entry.Open();
                stream.Seek(0, SeekOrigin.End);
                stream.Write("\"C-99\",\"forged\"\r\n"u8);
            }

            var tampered = CliRun.Of("pack", "verify", path);
            Assert.Equal(1, tampered.ExitCode);
            Assert.Contains("evidence-index.csv: changed", tampered.Error, StringComparison.Ordinal);
            var wrongKey = CliRun.Of("pack", "verify", path, "--fingerprint", "0123456789abcdef0123456789abcdef");
            Assert.Contains("not with the expected key", wrongKey.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
