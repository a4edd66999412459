using System.Net;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Risks;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Work;

/// <summary>
/// Issue 14 item 2 and 6: due work derived from the acme sample at a fixed day, owners resolved to members, the
/// filters and roles of GET /work, and the calendar feeds read with nothing but their secret.
/// </summary>
public sealed class DueWorkApiTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static Task<ApiHost> StartAsync(DatabaseProvider provider) =>
        ApiHost.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero))));

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string[] Reasons(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reason").GetString()!)];

    /// <summary>A risk with a review date and an owner text, written as the register stores it.</summary>
    private static Task<Guid> RiskAsync(ApiHost host, Guid organization, string key, string? owner, DateOnly reviewOn) => host.WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(organization);
        var db = s.GetRequiredService<HarmoniaDbContext>();
        var risk = new RiskRecord { Key = key, Title = "Stale access rights", Categories = "confidentiality", Treatment = "mitigate", Owner = owner, ReviewOn = reviewOn, InherentLikelihood = 3, InherentImpact = 3, ResidualLikelihood = 2, ResidualImpact = 2 };
        db.Risks.Add(risk);
        await db.SaveChangesAsync();
        return risk.Id;
    });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_acme_sample_owes_exactly_these_items_with_their_reasons(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);

        var all = await ReadAsync(await manager.GetAsync(Url($"/api/orgs/{host.OrganizationA}/work?pageSize=200")));
        Assert.Equal("2026-12-07", all.GetProperty("today").GetString());
        Assert.Equal(
            [
                "impact assessment of AI-01 'Support copilot' due today: no approved assessment yet",
                "impact assessment of AI-02 'RiskLens PD model' due today: no approved assessment yet",
                "renewal of contract 'HelpDeskly subscription and data processing agreement 2025' with supplier SUP-3 'HelpDeskly Inc.' due in 25 days",
                "review of supplier SUP-1 'Amazon Web Services EMEA SARL' due in 73 days: last reviewed on 2026-02-18, critical tier every 12 months",
                "SOC 2 certificate of supplier SUP-3 'HelpDeskly Inc.' expires in 83 days",
                "SOC 2 certificate of supplier SUP-1 'Amazon Web Services EMEA SARL' expires in 114 days",
                "renewal of contract 'Data licence for credit-risk modelling 2024-2027' with supplier SUP-4 'Bonitas Wirtschaftsdaten GmbH' due in 114 days",
                "review of supplier SUP-4 'Bonitas Wirtschaftsdaten GmbH' due in 195 days: last reviewed on 2026-06-20, critical tier every 12 months",
                "ISO/IEC 27001 certificate of supplier SUP-2 'Hetzner Online GmbH' expires in 205 days",
                "ISO/IEC 27001 certificate of supplier SUP-3 'HelpDeskly Inc.' expires in 297 days",
                "review of supplier SUP-3 'HelpDeskly Inc.' due in 311 days: last reviewed on 2026-10-14, critical tier every 12 months",
                "ISO/IEC 27001 certificate of supplier SUP-1 'Amazon Web Services EMEA SARL' expires in 358 days",
                "ISO/IEC 27001 certificate of supplier SUP-4 'Bonitas Wirtschaftsdaten GmbH' expires in 420 days",
                "review of supplier SUP-2 'Hetzner Online GmbH' due in 459 days: last reviewed on 2026-03-10, important tier every 24 months",
            ],
            Reasons(all));
        var counts = all.GetProperty("counts");
        Assert.Equal((0, 2, 12), (counts.GetProperty("overdue").GetInt32(), counts.GetProperty("thisWeek").GetInt32(), counts.GetProperty("later").GetInt32()));

        // Nothing in the sample names a member (its owners are functions and reviewers by title): all of it is unassigned.
        var unassigned = await ReadAsync(await manager.GetAsync(Url($"/api/orgs/{host.OrganizationA}/work?assignee=unassigned&module=suppliers&due=week")));
        Assert.Equal(0, unassigned.GetProperty("total").GetInt32());
        Assert.Equal(12, unassigned.GetProperty("counts").GetProperty("later").GetInt32());
        var first = all.GetProperty("items")[3];
        Assert.Equal(JsonValueKind.Null, first.GetProperty("assignee").ValueKind);
        Assert.Equal("ISMS Manager", first.GetProperty("owner").GetString());
        Assert.StartsWith($"/orgs/{host.OrganizationA}/suppliers/", first.GetProperty("link").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_owner_naming_a_member_makes_the_item_theirs_and_the_roles_decide_who_sees_whose_work(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        await RiskAsync(host, host.OrganizationA, "R-12", "Contributor@A.example", Today.AddDays(-3));
        await RiskAsync(host, host.OrganizationA, "R-13", "CISO", Today.AddDays(3));
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);

        var mine = await ReadAsync(await contributor.GetAsync(Url($"{api}/work?assignee=me")));
        Assert.Equal(["review of risk R-12 'Stale access rights' overdue by 3 days"], Reasons(mine));
        Assert.Equal(host.UsersA[OrganizationRole.Contributor].ToString(), mine.GetProperty("items")[0].GetProperty("assignee").GetProperty("id").GetString());

        // Without a filter a Contributor gets their own work, never the organization's.
        Assert.Equal(["review of risk R-12 'Stale access rights' overdue by 3 days"], Reasons(await ReadAsync(await contributor.GetAsync(Url($"{api}/work")))));
        Assert.Empty(Reasons(await ReadAsync(await viewer.GetAsync(Url($"{api}/work?assignee=me")))));

        // Someone else's work and the unassigned items are for Owners and Managers only.
        await ReadAsync(await viewer.GetAsync(Url($"{api}/work?assignee={host.UsersA[OrganizationRole.Contributor]}")), HttpStatusCode.Forbidden);
        await ReadAsync(await contributor.GetAsync(Url($"{api}/work?assignee=unassigned")), HttpStatusCode.Forbidden);
        var theirs = await ReadAsync(await manager.GetAsync(Url($"{api}/work?assignee={host.UsersA[OrganizationRole.Contributor]}&due=overdue")));
        Assert.Equal(["review of risk R-12 'Stale access rights' overdue by 3 days"], Reasons(theirs));
        var week = await ReadAsync(await manager.GetAsync(Url($"{api}/work?assignee=unassigned&due=week&module=risks")));
        Assert.Equal(["review of risk R-13 'Stale access rights' due in 3 days"], Reasons(week));
        Assert.Equal("CISO", week.GetProperty("items")[0].GetProperty("owner").GetString());

        // Bad values name their field; a member of another organization is not a member here.
        var bad = await ReadAsync(await manager.GetAsync(Url($"{api}/work?assignee=nobody&due=soon&module=magic")), HttpStatusCode.BadRequest);
        Assert.Equal(["assignee", "due", "module"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        await ReadAsync(await manager.GetAsync(Url($"{api}/work?assignee={Guid.NewGuid()}")), HttpStatusCode.BadRequest);

        // Another organization's member gets 404 for A's work, and B's own list never holds A's risk.
        using var other = host.Client(host.TokenB);
        await ReadAsync(await other.GetAsync(Url($"{api}/work")), HttpStatusCode.NotFound);
        var b = await ReadAsync(await other.GetAsync(Url($"/api/orgs/{host.OrganizationB}/work?pageSize=200")));
        Assert.DoesNotContain(Reasons(b), r => r.Contains("R-12", StringComparison.Ordinal));
    }

    /// <summary>
    /// Due work is kept between requests until the organization's trail moves (ADR 0033); an account leaving moves no
    /// trail, yet the acknowledgements it owed must go at once.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Due_work_follows_a_new_record_and_an_account_disabled_outside_the_trail_at_once(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var documents = Url($"/api/orgs/{host.OrganizationA}/work?module=documents&pageSize=200");
        Assert.Empty(Reasons(await ReadAsync(await manager.GetAsync(documents))));

        // A published policy: every member who can sign in owes its acknowledgement.
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            db.Documents.Add(new ControlledDocumentRecord
            {
                TemplateId = "access-control-policy",
                Title = "Access control policy",
                Revisions =
                [
                    new DocumentRevisionRecord
                    {
                        Number = 1, Label = "v1.0", Status = DocumentStatuses.Published, Change = "material", ContentVersion = "test", Markdown = "# Access control",
                        ContentSha256 = "test", Author = "test-setup", PublishedUtc = DateTime.SpecifyKind(Today.AddDays(-1).ToDateTime(new TimeOnly(9, 0)), DateTimeKind.Utc),
                    },
                ],
            });
            return await db.SaveChangesAsync();
        });
        var members = Enum.GetValues<OrganizationRole>().Length;
        var owed = await ReadAsync(await manager.GetAsync(documents));
        Assert.Equal(members, Reasons(owed).Count(r => r.StartsWith("acknowledgement of 'Access control policy' v1.0", StringComparison.Ordinal)));

        // The Contributor's account is disabled: a change to the account, not to the organization's records.
        var contributor = host.UsersA[OrganizationRole.Contributor];
        var trail = () => host.WithScopeAsync(s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            return s.GetRequiredService<HarmoniaDbContext>().AuditEvents.MaxAsync(e => e.Sequence);
        });
        var sequence = await trail();
        await host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<HarmoniaDbContext>();
            (await db.Users.SingleAsync(u => u.Id == contributor)).DisabledUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        var after = await ReadAsync(await manager.GetAsync(documents));
        Assert.Equal(members - 1, Reasons(after).Length);
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("assignee").GetProperty("id").GetString() == contributor.ToString());
        Assert.Equal(sequence, await trail());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_calendar_feed_reads_with_its_secret_only_keeps_its_uids_when_regenerated_and_stops_when_revoked(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        await RiskAsync(host, host.OrganizationA, "R-12", "contributor@a.example", Today.AddDays(-3));
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        using var anonymous = host.RawClient();

        var created = await ReadAsync(await contributor.PostAsync(Url($"{api}/calendar-feeds/me"), null), HttpStatusCode.Created);
        var token = created.GetProperty("token").GetString()!;
        Assert.Matches("^hc_[A-Za-z0-9_-]{43}$", token);
        var path = created.GetProperty("path").GetString()!;

        using var response = await anonymous.GetAsync(Url(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var feed = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var evt = Assert.Single(feed.Events);
        Assert.Equal("Review of risk R-12 'Stale access rights'", evt.Summary);
        Assert.Equal(Today.AddDays(-3), DateOnly.FromDateTime(evt.DtStart!.Value));
        Assert.Contains("overdue by 3 days", evt.Description, StringComparison.Ordinal);

        // A new address replaces the old one; the events keep their UIDs, so calendars update instead of duplicating.
        var again = await ReadAsync(await contributor.PostAsync(Url($"{api}/calendar-feeds/me"), null), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url(path))).StatusCode);
        var regenerated = Calendar.Load(await anonymous.GetStringAsync(Url(again.GetProperty("path").GetString()!)))!;
        Assert.Equal(feed.Events.Select(e => e.Uid), regenerated.Events.Select(e => e.Uid));

        // The organization's feed: Owners and Managers only; it carries every item of A and nothing of B.
        await ReadAsync(await viewer.PostAsync(Url($"{api}/calendar-feeds/organization"), null), HttpStatusCode.Forbidden);
        var organizationFeed = await ReadAsync(await manager.PostAsync(Url($"{api}/calendar-feeds/organization"), null), HttpStatusCode.Created);
        var all = Calendar.Load(await anonymous.GetStringAsync(Url(organizationFeed.GetProperty("path").GetString()!)))!;
        Assert.Equal(15, all.Events.Count);
        using var other = host.Client(host.TokenB);
        var b = await ReadAsync(await other.PostAsync(Url($"/api/orgs/{host.OrganizationB}/calendar-feeds/organization"), null), HttpStatusCode.Created);
        var bFeed = Calendar.Load(await anonymous.GetStringAsync(Url(b.GetProperty("path").GetString()!)))!;
        Assert.Equal(14, bFeed.Events.Count);
        Assert.Empty(bFeed.Events.Select(e => e.Uid).Intersect(all.Events.Select(e => e.Uid)));
        await ReadAsync(await other.PostAsync(Url($"{api}/calendar-feeds/organization"), null), HttpStatusCode.NotFound);

        // Unknown, malformed and over-long secrets answer 404 alike.
        foreach (var bogus in new[] { "hc_" + new string('A', 43), "nothing", "hc_" + new string('A', 300) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url($"/calendar/{bogus}.ics"))).StatusCode);
        }

        // A person sees and revokes their own feeds only; a Manager may revoke any; another organization's id is 404.
        var listed = await ReadAsync(await contributor.GetAsync(Url($"{api}/calendar-feeds")));
        Assert.Equal(2, listed.GetArrayLength());
        var feedId = again.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.DeleteAsync(Url($"{api}/calendar-feeds/{feedId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(Url($"/api/orgs/{host.OrganizationB}/calendar-feeds/{feedId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.DeleteAsync(Url($"{api}/calendar-feeds/{feedId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url(again.GetProperty("path").GetString()!))).StatusCode);

        // Creating and revoking are in the audit trail, without the secret or its hash.
        var events = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            return await s.GetRequiredService<HarmoniaDbContext>().AuditEvents.Where(e => e.EntityType == "CalendarFeedRecord").ToListAsync();
        });
        Assert.Equal(3, events.Count(e => e.Action == "created"));
        Assert.Equal(2, events.Count(e => e.Action == "updated"));
        Assert.All(events, e => Assert.DoesNotContain("Hash", e.Changes, StringComparison.Ordinal));
        Assert.All(events, e => Assert.DoesNotContain(token, e.Changes, StringComparison.Ordinal));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
