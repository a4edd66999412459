using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Harmonia.Tests.Security.Asvs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Certification;

/// <summary>Issue 18 item 4: the external auditor's engagement through the REST API, on both databases.</summary>
public sealed class EngagementApiTests
{
    private const string Passphrase = "a long enough passphrase";

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static string EngagementJson(string email, DateOnly starts, DateOnly ends, string standards = "\"iso27001-2022\",\"iso42001-2023\"") =>
        $$"""{"title":"Stage 2 audit","auditorEmail":"{{email}}","standards":[{{standards}}],"periodFrom":"2026-01-01","periodTo":"2026-11-30","startsOn":"{{starts:yyyy-MM-dd}}","endsOn":"{{ends:yyyy-MM-dd}}","passphrase":"{{Passphrase}}"}""";

    /// <summary>The invited auditor creates the account for the invited address and accepts; returns a token for the organization.</summary>
    private static async Task<(Guid User, string Token)> AcceptAsync(ApiHost host, Guid org, string email, string link)
    {
        var secret = link[(link.LastIndexOf('/') + 1)..];
        var user = await host.WithScopeAsync(s => s.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest(email, Passphrase)));
        await host.WithScopeAsync(s => s.GetRequiredService<AnswerInvitationHandler>().HandleAsync(new AnswerInvitationRequest(user.Id, Accept: true, Token: secret)));
        var token = await host.WithScopeAsync(s => s.GetRequiredService<CreateAccessTokenHandler>().HandleAsync(new CreateAccessTokenRequest(org, user.Id, "audit")));
        return (user.Id, token.Token);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_invited_auditor_requests_samples_and_finds_sees_nothing_else_and_loses_access_after_the_last_day(DatabaseProvider provider)
    {
        var clock = new MovableClock();
        await using var host = await ApiHost.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var org = host.OrganizationA;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);

        var created = await ReadAsync(await owner.PostAsync(Url($"/api/orgs/{org}/engagements"), Json(EngagementJson("lead.auditor@body.example", today, today.AddDays(10)))), HttpStatusCode.Created);
        var engagementId = created.GetProperty("engagement").GetProperty("id").GetGuid();
        Assert.Equal("open", created.GetProperty("engagement").GetProperty("status").GetString());
        Assert.Equal("ExternalAuditor", created.GetProperty("invitation").GetProperty("role").GetString());
        var (_, token) = await AcceptAsync(host, org, "lead.auditor@body.example", created.GetProperty("link").GetString()!);
        using var auditor = host.Client(token);
        var workspace = $"/api/orgs/{org}/engagements/{engagementId}/workspace";

        // Three requests, each to a member with a due date.
        for (var i = 1; i <= 3; i++)
        {
            await ReadAsync(await auditor.PostAsync(Url(workspace + "/requests"), Json($$"""{"text":"Evidence {{i}}","dueOn":"{{today.AddDays(5):yyyy-MM-dd}}","assigneeEmail":"contributor@a.example"}""")), HttpStatusCode.Created);
        }

        // The organization answers with evidence; the auditor accepts one and returns one.
        var requests = (await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{org}/engagements/{engagementId}")), HttpStatusCode.OK)).GetProperty("requests").EnumerateArray().ToArray();
        Assert.Equal(3, requests.Length);
        var evidenceId = await host.NewEvidenceAsync(org, await host.NewControlAsync(org));
        foreach (var request in requests.Take(2))
        {
            await ReadAsync(await contributor.PostAsync(Url($"/api/orgs/{org}/engagements/{engagementId}/requests/{request.GetProperty("id").GetGuid()}/answer"), Json($$"""{"evidenceId":"{{evidenceId}}","answer":"Minutes of March"}""")), HttpStatusCode.OK);
        }

        await ReadAsync(await auditor.PostAsync(Url($"{workspace}/requests/{requests[0].GetProperty("id").GetGuid()}/judgement"), Json("""{"decision":"accept"}""")), HttpStatusCode.OK);
        var refused = await ReadAsync(await auditor.PostAsync(Url($"{workspace}/requests/{requests[1].GetProperty("id").GetGuid()}/judgement"), Json("""{"decision":"return"}""")), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("comment", out _));
        var judged = await ReadAsync(await auditor.PostAsync(Url($"{workspace}/requests/{requests[1].GetProperty("id").GetGuid()}/judgement"), Json("""{"decision":"return","comment":"Signed minutes, please."}""")), HttpStatusCode.OK);
        Assert.Equal(["accepted", "returned", "open"], judged.GetProperty("requests").EnumerateArray().Select(r => r.GetProperty("state").GetString()!).ToArray());

        // A sample drawn twice with the same seed is the same sample.
        var first = await ReadAsync(await auditor.PostAsync(Url(workspace + "/samples"), Json("""{"population":"evidence","size":3,"seed":4711}""")), HttpStatusCode.Created);
        var second = await ReadAsync(await auditor.PostAsync(Url(workspace + "/samples"), Json("""{"population":"evidence","size":3,"seed":4711}""")), HttpStatusCode.Created);
        var samples = second.GetProperty("samples").EnumerateArray().ToArray();
        Assert.Equal(2, samples.Length);
        Assert.Equal(samples[0].GetProperty("selected").GetRawText(), samples[1].GetProperty("selected").GetRawText());
        Assert.Equal(3, samples[0].GetProperty("size").GetInt32());
        Assert.Equal(4711, samples[0].GetProperty("seed").GetInt64());
        Assert.Contains("SHA-256", samples[0].GetProperty("method").GetString(), StringComparison.Ordinal);
        Assert.True(first.GetProperty("samples")[0].GetProperty("populationSize").GetInt32() >= 3);

        await ReadAsync(await auditor.PostAsync(Url(workspace + "/findings"), Json("""{"grade":"minor","text":"The March access review was signed late.","requirementIds":["iso27001-2022:A.5.18"]}""")), HttpStatusCode.Created);
        using (var pack = await auditor.GetAsync(Url(workspace + "/audit-pack.zip")))
        {
            Assert.Equal(HttpStatusCode.OK, pack.StatusCode);
            Assert.Equal("application/zip", pack.Content.Headers.ContentType?.MediaType);
        }

        // Nothing outside the engagement: the organization's own routes refuse the auditor.
        foreach (var path in new[] { $"/api/orgs/{org}/controls", $"/api/orgs/{org}/audit-pack.zip", $"/api/orgs/{org}/engagements/{engagementId}", $"/api/orgs/{org}/audit-trail" })
        {
            using var response = await auditor.GetAsync(Url(path));
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        }

        // Every action of the auditor is in the trail, carrying the engagement.
        var events = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(org);
            return await s.GetRequiredService<HarmoniaDbContext>().AuditEvents.Where(e => e.Actor.Contains("lead.auditor@body.example")).ToListAsync();
        });

        // The token's last-use stamp and the pack-signing key made on the first pack are not actions in the engagement.
        events = events.Where(e => !e.EntityType.Contains("AccessToken", StringComparison.Ordinal) && e.EntityType != "SigningKeyRecord").ToList();
        Assert.True(events.Count == 3 + 2 + 2 + 1 + 1, string.Join(", ", events.Select(e => $"{e.EntityType} {e.Action}")));
        // A new row carries the engagement's id; a change of a request names the request, whose creation carries it.
        var creations = events.Where(e => e.Action == "created").ToArray();
        Assert.All(creations, e => Assert.Contains(engagementId.ToString(), e.Changes, StringComparison.OrdinalIgnoreCase));
        Assert.All(events.Where(e => e.Action != "created"), e => Assert.Contains(creations, c => c.EntityId == e.EntityId));
        Assert.Contains(events, e => e.EntityType.Contains("EngagementAccess", StringComparison.Ordinal));

        // The day after the last day, the account opens nothing at all.
        clock.Advance(TimeSpan.FromDays(11));
        using (var after = await auditor.GetAsync(Url(workspace)))
        {
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }

        using (var after = await auditor.PostAsync(Url(workspace + "/findings"), Json("""{"grade":"major","text":"Late.","requirementIds":["iso27001-2022:A.5.18"]}""")))
        {
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }

        // Closing turns the finding into the organization's nonconformity.
        var closed = await ReadAsync(await owner.PostAsync(Url($"/api/orgs/{org}/engagements/{engagementId}/close"), null), HttpStatusCode.OK);
        Assert.Equal("closed", closed.GetProperty("engagement").GetProperty("status").GetString());
        var ncId = closed.GetProperty("findings")[0].GetProperty("nonconformityId").GetGuid();
        var nc = await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{org}/nonconformities/{ncId}")), HttpStatusCode.OK);
        Assert.Contains("MinorNonconformity", nc.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("external audit engagement", nc.GetRawText(), StringComparison.Ordinal);
        await ReadAsync(await owner.PostAsync(Url($"/api/orgs/{org}/engagements/{engagementId}/close"), null), HttpStatusCode.BadRequest);
    }

    /// <summary>A control that serves one requirement, with one file of evidence titled as given.</summary>
    private static async Task<Guid> EvidenceServingAsync(ApiHost host, Guid org, string requirementId, string title) => await host.WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(org);
        var db = s.GetRequiredService<HarmoniaDbContext>();
        var control = new Harmonia.App.Features.Controls.ControlRecord { Key = "S-" + Guid.NewGuid().ToString("N")[..8], Name = "Scoped control", Status = "implemented" };
        db.Controls.Add(control);
        db.ControlRequirements.Add(new Harmonia.App.Features.Controls.ControlRequirementLink { ControlId = control.Id, RequirementId = requirementId });
        await db.SaveChangesAsync();
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(title + "\n"));
        var added = await s.GetRequiredService<Harmonia.App.Features.Evidence.AddEvidenceHandler>().HandleAsync(
            control.Id, new Harmonia.App.Features.Evidence.EvidenceInput(title, null, null, new DateOnly(2026, 4, 1), null), new Harmonia.App.Features.Evidence.EvidenceUpload(content, "record.txt", null));
        return added.Id;
    });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_auditors_pack_holds_only_the_engagements_scope_and_answered_evidence_opens_only_through_its_request(DatabaseProvider provider)
    {
        var clock = new MovableClock();
        await using var host = await ApiHost.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var org = host.OrganizationA;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var inScope = await EvidenceServingAsync(host, org, "iso27001-2022:A.5.15", "Access control records");
        await EvidenceServingAsync(host, org, "iso42001-2023:A.6.2.4", "Model evaluation report");

        // ISO/IEC 27001 only, records of the last ten days; the auditor's access runs three weeks.
        var body = EngagementJson("scoped.auditor@body.example", today, today.AddDays(20), "\"iso27001-2022\"")
            .Replace("\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2026-11-30\"", $"\"periodFrom\":\"{today.AddDays(-10):yyyy-MM-dd}\",\"periodTo\":\"{today:yyyy-MM-dd}\"", StringComparison.Ordinal);
        var created = await ReadAsync(await owner.PostAsync(Url($"/api/orgs/{org}/engagements"), Json(body)), HttpStatusCode.Created);
        var engagementId = created.GetProperty("engagement").GetProperty("id").GetGuid();

        // The invitation lapses with the engagement's access, not after the default fortnight.
        Assert.Equal(today.AddDays(21).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), created.GetProperty("invitation").GetProperty("expiresUtc").GetDateTime().ToUniversalTime());
        var (_, token) = await AcceptAsync(host, org, "scoped.auditor@body.example", created.GetProperty("link").GetString()!);
        using var auditor = host.Client(token);
        var workspace = $"/api/orgs/{org}/engagements/{engagementId}/workspace";

        await ReadAsync(await auditor.PostAsync(Url(workspace + "/requests"), Json($$"""{"text":"Access reviews of November","dueOn":"{{today.AddDays(5):yyyy-MM-dd}}","assigneeEmail":"contributor@a.example"}""")), HttpStatusCode.Created);
        await ReadAsync(await auditor.PostAsync(Url(workspace + "/requests"), Json($$"""{"text":"Joiner records","dueOn":"{{today.AddDays(5):yyyy-MM-dd}}","assigneeEmail":"contributor@a.example"}""")), HttpStatusCode.Created);
        var requests = (await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{org}/engagements/{engagementId}")), HttpStatusCode.OK)).GetProperty("requests").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToArray();

        // Unanswered: nothing to open. Answered: the file itself, and the opening is recorded with the engagement.
        using (var before = await auditor.GetAsync(Url($"{workspace}/requests/{requests[0]}/evidence")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
            Assert.Contains("no evidence linked", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await ReadAsync(await contributor.PostAsync(Url($"/api/orgs/{org}/engagements/{engagementId}/requests/{requests[0]}/answer"), Json($$"""{"evidenceId":"{{inScope}}"}""")), HttpStatusCode.OK);
        using (var file = await auditor.GetAsync(Url($"{workspace}/requests/{requests[0]}/evidence")))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("Access control records\n", await file.Content.ReadAsStringAsync());
        }

        // The same evidence is not open through the evidence routes, nor through a request that does not exist.
        foreach (var path in new[] { $"/api/orgs/{org}/evidence/{inScope}/versions/1/file", $"{workspace}/requests/{Guid.NewGuid()}/evidence" })
        {
            using var response = await auditor.GetAsync(Url(path));
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        }

        // Two days on (still within access, after the period), a new control is created: it is outside the period.
        clock.Advance(TimeSpan.FromDays(2));
        var late = await host.NewControlAsync(org);
        Dictionary<string, string> pack;
        using (var response = await auditor.GetAsync(Url(workspace + "/audit-pack.zip")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            pack = zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
        }

        Assert.Contains("iso27001-2022", pack["scope.md"], StringComparison.Ordinal);
        Assert.DoesNotContain("iso42001-2023", pack["scope.md"].Split("What the scope limits")[0], StringComparison.Ordinal);
        Assert.DoesNotContain(pack.Keys, k => k.StartsWith("impact-assessments/", StringComparison.Ordinal) || k.Contains("42001", StringComparison.Ordinal));
        Assert.Contains("Access control records", pack["evidence-index.csv"], StringComparison.Ordinal);
        Assert.DoesNotContain("Model evaluation report", pack["evidence-index.csv"], StringComparison.Ordinal);
        Assert.Contains(inScope.ToString(), pack["audit-trail.csv"], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(late.ToString(), pack["audit-trail.csv"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("scope.md", pack["manifest.json"], StringComparison.Ordinal);

        // The organization's own pack is whole: it carries what the auditor's leaves out.
        using (var response = await owner.GetAsync(Url($"/api/orgs/{org}/audit-pack.zip")))
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            var whole = zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
            Assert.False(whole.ContainsKey("scope.md"));
            Assert.Contains("Model evaluation report", whole["evidence-index.csv"], StringComparison.Ordinal);
            Assert.Contains(late.ToString(), whole["audit-trail.csv"], StringComparison.OrdinalIgnoreCase);
        }

        var reads = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(org);
            return await s.GetRequiredService<HarmoniaDbContext>().EngagementAccesses.Where(a => a.EngagementId == engagementId).Select(a => a.What).ToListAsync();
        });
        Assert.Contains(reads, r => r.Contains("Access control records", StringComparison.Ordinal) && r.Contains("request 1", StringComparison.Ordinal));
        Assert.Contains("audit pack", reads);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_input_is_a_problem_that_changes_nothing_and_foreign_ids_answer_404(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var org = host.OrganizationA;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var outsider = host.Client(host.TokenB);
        using var externalAuditor = host.Client(host.TokensA[OrganizationRole.ExternalAuditor]);
        var before = (await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{org}/engagements")), HttpStatusCode.OK)).GetArrayLength();

        foreach (var body in new[]
        {
            EngagementJson("not-an-address", today, today.AddDays(5)),
            EngagementJson("a@body.example", today, today.AddDays(-1)),
            EngagementJson("a@body.example", today, today.AddDays(400)),
            EngagementJson("a@body.example", today, today.AddDays(5), "\"iso9001\""),
            EngagementJson("viewer@a.example", today, today.AddDays(5)),
        })
        {
            using var response = await owner.PostAsync(Url($"/api/orgs/{org}/engagements"), Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using (var noPassphrase = await owner.PostAsync(Url($"/api/orgs/{org}/engagements"), Json(EngagementJson("a@body.example", today, today.AddDays(5)).Replace(Passphrase, "wrong", StringComparison.Ordinal))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, noPassphrase.StatusCode);
        }

        // The External auditor role is only offered with an engagement.
        using (var direct = await owner.PutAsync(Url($"/api/orgs/{org}/members"), Json($$"""{"email":"x@body.example","role":"ExternalAuditor","passphrase":"{{Passphrase}}"}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, direct.StatusCode);
        }

        Assert.Equal(before, (await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{org}/engagements")), HttpStatusCode.OK)).GetArrayLength());

        // Another tenant's engagement is not there; nor is another auditor's engagement for this one.
        using (var foreign = await outsider.GetAsync(Url($"/api/orgs/{org}/engagements/{host.EngagementA}")))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        var otherAuditors = await ReadAsync(await owner.PostAsync(Url($"/api/orgs/{org}/engagements"), Json(EngagementJson("other@body.example", today, today.AddDays(5)))), HttpStatusCode.Created);
        using (var notTheirs = await externalAuditor.GetAsync(Url($"/api/orgs/{org}/engagements/{otherAuditors.GetProperty("engagement").GetProperty("id").GetGuid()}/workspace")))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }

        // Answering with another organization's evidence answers 404 and changes nothing.
        var requestId = await host.NewEvidenceRequestAsync(org, host.EngagementA);
        var foreignEvidence = await host.NewEvidenceAsync(host.OrganizationB, await host.NewControlAsync(host.OrganizationB));
        using (var answer = await owner.PostAsync(Url($"/api/orgs/{org}/engagements/{host.EngagementA}/requests/{requestId}/answer"), Json($$"""{"evidenceId":"{{foreignEvidence}}"}""")))
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }

        var view = await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{org}/engagements/{host.EngagementA}")), HttpStatusCode.OK);
        Assert.Equal("open", view.GetProperty("requests")[0].GetProperty("state").GetString());

        // Sampling and findings refuse what they cannot honour.
        foreach (var (path, body) in new[]
        {
            ("samples", """{"population":"passwords","size":3}"""),
            ("samples", """{"population":"risks","size":0}"""),
            ("findings", """{"grade":"critical","text":"x","requirementIds":["iso27001-2022:A.5.18"]}"""),
            ("findings", """{"grade":"minor","text":"x","requirementIds":["iso9001:7.5"]}"""),
            ("requests", """{"text":"x","dueOn":"2020-01-01","assigneeEmail":"contributor@a.example"}"""),
            ("requests", """{"text":"x","dueOn":"2030-01-01","assigneeEmail":"owner@b.example"}"""),
        })
        {
            using var response = await externalAuditor.PostAsync(Url($"/api/orgs/{org}/engagements/{host.EngagementA}/workspace/{path}"), Json(body));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {body}: {(int)response.StatusCode}");
        }
    }
}
