using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Work;

/// <summary>
/// Issue 14 item 1: every record with an owner is owned by a member. Assigning tells the new owner at once (inbox and
/// e-mail on a real SMTP server) and is in the audit trail; free-text owners are matched once where they name exactly
/// one member, and the rest are listed to resolve with their text kept; another organization's records answer 404.
/// </summary>
public sealed class OwnerTests
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task RunJobsAsync(ApiHost host)
    {
        var jobs = host.Services.GetRequiredService<ReminderJobs>();
        await jobs.SweepAllAsync(CancellationToken.None);
        await jobs.DeliverAllAsync(CancellationToken.None);
    }

    private static Task<int> SetControlOwnerTextAsync(ApiHost host, Guid control, string text) => host.WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
        var db = s.GetRequiredService<HarmoniaDbContext>();
        (await db.Controls.SingleAsync(c => c.Id == control)).Owner = text;
        return await db.SaveChangesAsync();
    });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_manager_assigns_a_control_the_owner_hears_at_once_and_its_evidence_becomes_their_work(DatabaseProvider provider)
    {
        await using var smtp = SmtpSink.Start();
        await using var host = await ApiHost.StartAsync(provider, smtp.Settings);
        var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var org = host.OrganizationA;
        var control = await host.NewControlAsync(org);
        await RunJobsAsync(host);
        var before = smtp.Messages.Count;

        var nobody = await ReadAsync(await manager.GetAsync(Url($"/api/orgs/{org}/owners/control/{control}")));
        Assert.Equal(JsonValueKind.Null, nobody.GetProperty("owner").ValueKind);

        var assigned = await ReadAsync(await manager.PutAsync(Url($"/api/orgs/{org}/owners/control/{control}"), Json($$"""{"userId":"{{host.UsersA[OrganizationRole.Contributor]}}"}""")));
        Assert.Equal(host.UsersA[OrganizationRole.Contributor], assigned.GetProperty("owner").GetProperty("id").GetGuid());

        // The owner hears of it at once: in the inbox, and by e-mail once the delivery runs.
        var inbox = await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{org}/notifications?pageSize=100")));
        var notice = inbox.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("subject").GetString()!.StartsWith("Now yours: control ", StringComparison.Ordinal));
        Assert.Contains("manager@a.example made you the owner of control", notice.GetProperty("text").GetString(), StringComparison.Ordinal);
        await host.Services.GetRequiredService<ReminderJobs>().DeliverAllAsync(CancellationToken.None);
        var mail = Assert.Single(smtp.Messages.Skip(before));
        Assert.Equal("contributor@a.example", ((MimeKit.MailboxAddress)mail.To.Single()).Address);
        Assert.StartsWith("Now yours: control ", mail.Subject, StringComparison.Ordinal);

        // The control's evidence is renewed by its owner: the expiry is on the contributor's own work.
        var expiring = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(org);
            using var content = new MemoryStream("penetration test report\n"u8.ToArray());
            var added = await s.GetRequiredService<Harmonia.App.Features.Evidence.AddEvidenceHandler>().HandleAsync(control,
                new Harmonia.App.Features.Evidence.EvidenceInput("Pen test 2026", null, null, DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20)),
                new Harmonia.App.Features.Evidence.EvidenceUpload(content, "pentest.txt", null));
            return added.Id;
        });
        var mine = await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{org}/work?assignee=me")));
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == $"evidence-expiry:{expiring}");

        // Reassigning is in the audit trail, with who did it.
        var trail = await ReadAsync(await host.Client(host.TokensA[OrganizationRole.Owner]).GetAsync(Url($"/api/orgs/{org}/audit-trail?pageSize=200")));
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetRawText().Contains("OwnerAssignment", StringComparison.Ordinal) && e.GetRawText().Contains("manager@a.example", StringComparison.Ordinal));

        // Nobody again: the assignment goes, the notice stays where it was.
        var cleared = await ReadAsync(await manager.PutAsync(Url($"/api/orgs/{org}/owners/control/{control}"), Json("""{"userId":null}""")));
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("owner").ValueKind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_assignments_change_nothing_and_other_organizations_records_answer_404(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var org = host.OrganizationA;
        var control = await host.NewControlAsync(org);
        var foreignControl = await host.NewControlAsync(host.OrganizationB);

        var notMember = await manager.PutAsync(Url($"/api/orgs/{org}/owners/control/{control}"), Json($$"""{"userId":"{{Guid.NewGuid()}}"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, notMember.StatusCode);
        Assert.Equal("application/problem+json", notMember.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not an active member", await notMember.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await ReadAsync(await manager.GetAsync(Url($"/api/orgs/{org}/owners/control/{control}")))).GetProperty("owner").ValueKind);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.PutAsync(Url($"/api/orgs/{org}/owners/control/{foreignControl}"), Json($$"""{"userId":"{{host.UsersA[OrganizationRole.Contributor]}}"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Url($"/api/orgs/{org}/owners/spaceship/{control}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Url($"/api/orgs/{org}/owners/control/not-an-id"))).StatusCode);

        // A Viewer reads owners but assigns nothing.
        var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsync(Url($"/api/orgs/{org}/owners/control/{control}"), Json($$"""{"userId":"{{host.UsersA[OrganizationRole.Viewer]}}"}"""))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_long_list_of_owners_to_resolve_comes_a_hundred_to_a_page_each_with_its_picker(DatabaseProvider provider)
    {
        // After the upgrade of a large organization thousands of records can name their owner in text; the page once drew
        // them all, each picker opening its own connection, and PostgreSQL answered 500 while SQLite stalled.
        await using var host = await ApiHost.StartAsync(provider);
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            db.Controls.AddRange(Enumerable.Range(1, 130).Select(i => new Harmonia.App.Features.Controls.ControlRecord { Key = $"OWN-{i:000}", Name = "Control named to an office", Status = "planned", Owner = "Head of Facilities" }));
            return await db.SaveChangesAsync();
        });

        using var manager = await Accounts.Browser.SignedInAsync(host, "manager@a.example");
        async Task<string> PageAsync(string query) => System.Net.WebUtility.HtmlDecode(await manager.GetStringAsync($"/orgs/{host.OrganizationA}/owners{query}"));
        var first = await PageAsync(string.Empty);

        // The seeded organization names some owners in text already; the 130 come on top.
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(first, @"(\d+) records to resolve").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(total, 130, 299);
        var pages = ((total - 1) / 100) + 1;
        Assert.Contains($"Page 1 of {pages} ({total} rows)", first, StringComparison.Ordinal);
        Assert.Equal(100, TextCount.Occurrences(first, "aria-label=\"Assign the owner of "));

        // Each picker still lists the members and proposes nobody for an office that is no one's name.
        Assert.Contains("The record names “Head of Facilities”, who is not one member of this organization", first, StringComparison.Ordinal);
        Assert.Contains("viewer@a.example", first, StringComparison.Ordinal);

        // Every record is on exactly one page, and the tick boxes stay distinct across pages.
        var onPages = TextCount.Occurrences(first, "aria-label=\"Assign the owner of control OWN-");
        for (var page = 2; page <= pages; page++)
        {
            var next = await PageAsync($"?page={page}");
            Assert.Equal(page < pages ? 100 : total - (100 * (pages - 1)), TextCount.Occurrences(next, "aria-label=\"Assign the owner of "));
            Assert.Contains($"id=\"own-{100 * (page - 1)}\"", next, StringComparison.Ordinal);
            onPages += TextCount.Occurrences(next, "aria-label=\"Assign the owner of control OWN-");
        }

        Assert.Equal(130, onPages);

        // A page past the end shows the last one rather than an empty list.
        Assert.Contains($"Page {pages} of {pages}", await PageAsync("?page=99"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Free_text_owners_are_matched_once_where_unambiguous_and_the_rest_are_listed_with_their_text(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var org = host.OrganizationA;
        var byEmail = await host.NewControlAsync(org);
        var byFunction = await host.NewControlAsync(org);
        await SetControlOwnerTextAsync(host, byEmail, "  Viewer@A.example ");
        await SetControlOwnerTextAsync(host, byFunction, "Head of Facilities");

        var toResolve = await ReadAsync(await manager.GetAsync(Url($"/api/orgs/{org}/owners/to-resolve")));
        Assert.Contains(toResolve.EnumerateArray(), r => r.GetProperty("subjectId").GetString() == byEmail.ToString());

        // The first sweep after the upgrade matches by itself, once.
        await RunJobsAsync(host);
        var matched = await ReadAsync(await manager.GetAsync(Url($"/api/orgs/{org}/owners/control/{byEmail}")));
        Assert.Equal(host.UsersA[OrganizationRole.Viewer], matched.GetProperty("owner").GetProperty("id").GetGuid());
        Assert.Equal("Viewer@A.example", matched.GetProperty("ownerText").GetString());
        var rest = await ReadAsync(await manager.GetAsync(Url($"/api/orgs/{org}/owners/to-resolve")));
        Assert.DoesNotContain(rest.EnumerateArray(), r => r.GetProperty("subjectId").GetString() == byEmail.ToString());
        var function = Assert.Single(rest.EnumerateArray(), r => r.GetProperty("subjectId").GetString() == byFunction.ToString());
        Assert.Equal("Head of Facilities", function.GetProperty("ownerText").GetString());

        // A later text is not matched by later sweeps, only when someone asks.
        var later = await host.NewControlAsync(org);
        await SetControlOwnerTextAsync(host, later, "auditor@a.example");
        await RunJobsAsync(host);
        Assert.Equal(JsonValueKind.Null, (await ReadAsync(await manager.GetAsync(Url($"/api/orgs/{org}/owners/control/{later}")))).GetProperty("owner").ValueKind);
        var outcome = await ReadAsync(await manager.PostAsync(Url($"/api/orgs/{org}/owners/match"), null));
        Assert.Equal(1, outcome.GetProperty("matched").GetInt32());
        Assert.True(outcome.GetProperty("toResolve").GetInt32() >= 1);
        Assert.Equal(host.UsersA[OrganizationRole.Auditor], (await ReadAsync(await manager.GetAsync(Url($"/api/orgs/{org}/owners/control/{later}")))).GetProperty("owner").GetProperty("id").GetGuid());

        var assignment = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(org);
            return await s.GetRequiredService<HarmoniaDbContext>().OwnerAssignments.SingleAsync(a => a.SubjectId == byEmail.ToString());
        });
        Assert.Equal("matched from the owner text 'Viewer@A.example'", assignment.AssignedBy);
    }

    [Fact]
    public async Task An_action_announced_with_its_record_is_not_announced_again_by_the_sweep()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var org = host.OrganizationA;
        var review = await host.NewReviewAsync(org);
        await host.Services.GetRequiredService<ReminderJobs>().SweepAllAsync(CancellationToken.None);

        await ReadAsync(await manager.PutAsync(Url($"/api/orgs/{org}/owners/review-action/{review}:0"), Json($$"""{"userId":"{{host.UsersA[OrganizationRole.Contributor]}}"}""")));
        await host.Services.GetRequiredService<ReminderJobs>().SweepAllAsync(CancellationToken.None);

        var items = (await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{org}/notifications?pageSize=100")))).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("text").GetString()!.Contains("Renew the supplier contracts", StringComparison.Ordinal)).ToArray();
        var only = Assert.Single(items);
        Assert.StartsWith("Now yours: action 'Renew the supplier contracts'", only.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Contains("Open now:", only.GetProperty("text").GetString(), StringComparison.Ordinal);
        var work = await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{org}/work?assignee=me")));
        Assert.Contains(work.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == $"review-action:{review}:0");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Several_records_get_one_owner_in_one_step_all_or_none_and_the_owner_is_told_once(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var org = host.OrganizationA;
        var controls = new[] { await host.NewControlAsync(org), await host.NewControlAsync(org), await host.NewControlAsync(org) };
        var foreign = await host.NewControlAsync(host.OrganizationB);
        string Body(IEnumerable<Guid> ids, Guid? user) =>
            $$"""{"records":[{{string.Join(",", ids.Select(id => $$"""{"subject":"control","subjectId":"{{id}}"}"""))}}],"userId":{{(user is null ? "null" : $"\"{user}\"")}}}""";
        async Task<Guid?[]> OwnersAsync() => await Task.WhenAll(controls.Select(async c =>
        {
            var owner = (await ReadAsync(await manager.GetAsync(Url($"/api/orgs/{org}/owners/control/{c}")))).GetProperty("owner");
            return owner.ValueKind == JsonValueKind.Null ? (Guid?)null : owner.GetProperty("id").GetGuid();
        }));
        var contributorId = host.UsersA[OrganizationRole.Contributor];

        // Refused as a whole: another organization's record among them, nobody ticked, a stranger as owner, a viewer.
        await ReadAsync(await manager.PostAsync(Url($"/api/orgs/{org}/owners/bulk"), Json(Body([.. controls, foreign], contributorId))), HttpStatusCode.NotFound);
        await ReadAsync(await manager.PostAsync(Url($"/api/orgs/{org}/owners/bulk"), Json(Body([], contributorId))), HttpStatusCode.BadRequest);
        await ReadAsync(await manager.PostAsync(Url($"/api/orgs/{org}/owners/bulk"), Json(Body(controls, Guid.NewGuid()))), HttpStatusCode.BadRequest);
        await ReadAsync(await manager.PostAsync(Url($"/api/orgs/{org}/owners/bulk"), Json("""{"records":[{"subject":null,"subjectId":"x"}],"userId":null}""")), HttpStatusCode.BadRequest);
        await ReadAsync(await viewer.PostAsync(Url($"/api/orgs/{org}/owners/bulk"), Json(Body(controls, contributorId))), HttpStatusCode.Forbidden);
        Assert.All(await OwnersAsync(), o => Assert.Null(o));

        var assigned = await ReadAsync(await manager.PostAsync(Url($"/api/orgs/{org}/owners/bulk"), Json(Body(controls, contributorId))));
        Assert.Equal(3, assigned.GetArrayLength());
        Assert.All(await OwnersAsync(), o => Assert.Equal(contributorId, o));

        // One message lists the three, however many records were assigned.
        var inbox = await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{org}/notifications?pageSize=100")));
        var notice = Assert.Single(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("subject").GetString()!.StartsWith("Now yours:", StringComparison.Ordinal));
        Assert.Equal("Now yours: 3 records", notice.GetProperty("subject").GetString());
        Assert.Equal(3, notice.GetProperty("text").GetString()!.Split('\n').Count(l => l.StartsWith("- control ", StringComparison.Ordinal)));

        // Each assignment is in the audit trail; nobody again for all of them in one step.
        var trail = await ReadAsync(await host.Client(host.TokensA[OrganizationRole.Owner]).GetAsync(Url($"/api/orgs/{org}/audit-trail?pageSize=200")));
        Assert.Equal(3, trail.GetProperty("items").EnumerateArray().Count(e => e.GetRawText().Contains("OwnerAssignment", StringComparison.Ordinal)));
        await ReadAsync(await manager.PostAsync(Url($"/api/orgs/{org}/owners/bulk"), Json(Body(controls, null))));
        Assert.All(await OwnersAsync(), o => Assert.Null(o));
    }
}
