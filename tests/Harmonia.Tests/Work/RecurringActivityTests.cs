using System.Globalization;
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
/// Issue 14 item 3: recurring activities on RFC 5545 rules. A quarterly control shows its next four occurrences; each
/// missed occurrence is due work with its reason; evidence of the control dated near an occurrence closes that one
/// occurrence and no other; a review cycle closes when recorded done; bad rules and foreign ids are refused.
/// </summary>
public sealed class RecurringActivityTests
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string[] Statuses(JsonElement occurrences) =>
        [.. occurrences.EnumerateArray().Select(o => $"{o.GetProperty("on").GetString()} {o.GetProperty("status").GetString()}")];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_quarterly_control_is_due_each_quarter_until_its_evidence_closes_that_quarter(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var controlId = await host.NewControlAsync(host.OrganizationA);
        var controlKey = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            return await s.GetRequiredService<HarmoniaDbContext>().Controls.Where(c => c.Id == controlId).Select(c => c.Key).SingleAsync();
        });

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.AddMonths(-7);
        var created = await ReadAsync(await manager.PostAsync(Url($"{api}/recurring-activities"), Json($$"""
            {"title":"Quarterly access review","kind":"control","control":"{{controlKey}}","rule":"FREQ=MONTHLY;INTERVAL=3","startsOn":"{{Day(start)}}","owner":"IT lead"}
            """)), HttpStatusCode.Created);
        Assert.StartsWith("RA-", created.GetProperty("key").GetString(), StringComparison.Ordinal);
        var id = created.GetProperty("id").GetString();

        // Three past quarters, none done; the next four each three months apart.
        Assert.Equal([$"{Day(start)} overdue", $"{Day(start.AddMonths(3))} overdue", $"{Day(start.AddMonths(6))} overdue"], Statuses(created.GetProperty("past")));
        Assert.Equal([Day(start.AddMonths(9)), Day(start.AddMonths(12)), Day(start.AddMonths(15)), Day(start.AddMonths(18))],
            created.GetProperty("next").EnumerateArray().Select(o => o.GetProperty("on").GetString()));

        // Each open occurrence is due work with its reason, under the module "recurring".
        var work = await ReadAsync(await manager.GetAsync(Url($"{api}/work?assignee=unassigned&module=recurring&pageSize=50")));
        var items = work.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("id").GetString()!.StartsWith($"recurring:{id}:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, items.Length);
        Assert.Contains(items, i => i.GetProperty("what").GetString() == $"control operation {created.GetProperty("key").GetString()} 'Quarterly access review'" && i.GetProperty("window").GetString() == "Overdue");

        // Evidence dated four days after the second quarter closes that quarter only.
        await ReadAsync(await manager.PostAsync(Url($"{api}/controls/{controlId}/evidence"), Json($$"""
            {"title":"Access review Q2","url":"https://intranet.example/access-review-q2","effectiveOn":"{{Day(start.AddMonths(3).AddDays(4))}}"}
            """)), HttpStatusCode.Created);
        var after = await ReadAsync(await manager.GetAsync(Url($"{api}/recurring-activities/{id}")));
        Assert.Equal([$"{Day(start)} overdue", $"{Day(start.AddMonths(3))} done", $"{Day(start.AddMonths(6))} overdue"], Statuses(after.GetProperty("past")));
        Assert.Contains("Access review Q2", after.GetProperty("past")[1].GetProperty("how").GetString(), StringComparison.Ordinal);

        // The first quarter is recorded done by hand; a day the rule does not fall on, and one far ahead, are refused.
        var notADay = await ReadAsync(await manager.PostAsync(Url($"{api}/recurring-activities/{id}/occurrences/{Day(start.AddDays(1))}/done"), Json("{}")), HttpStatusCode.BadRequest);
        Assert.Contains("does not fall due on", notADay.GetProperty("errors").GetProperty("on")[0].GetString(), StringComparison.Ordinal);
        await ReadAsync(await manager.PostAsync(Url($"{api}/recurring-activities/{id}/occurrences/{Day(start.AddMonths(15))}/done"), Json("{}")), HttpStatusCode.BadRequest);
        var done = await ReadAsync(await manager.PostAsync(Url($"{api}/recurring-activities/{id}/occurrences/{Day(start)}/done"), Json("""{"note":"minutes in the ISMS folder"}""")));
        Assert.Equal("done", done.GetProperty("past")[0].GetProperty("status").GetString());
        var left = (await ReadAsync(await manager.GetAsync(Url($"{api}/work?assignee=unassigned&module=recurring&pageSize=50")))).GetProperty("items").EnumerateArray()
            .Count(i => i.GetProperty("id").GetString()!.StartsWith($"recurring:{id}:", StringComparison.Ordinal));
        Assert.Equal(2, left);

        // The audit trail has the activity and the recorded occurrence.
        var events = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            return await s.GetRequiredService<HarmoniaDbContext>().AuditEvents.CountAsync(e => e.EntityType == nameof(RecurringActivityRecord));
        });
        Assert.Equal(2, events);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rules_that_are_no_management_rhythm_and_foreign_ids_are_refused(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var refused = await ReadAsync(await contributor.PostAsync(Url($"{api}/recurring-activities"), Json("""
            {"title":"","kind":"control","control":"NOPE","rule":"FREQ=HOURLY","startsOn":null}
            """)), HttpStatusCode.BadRequest);
        Assert.Equal(["control", "rule", "startsOn", "title"], refused.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var garbage = await ReadAsync(await contributor.PostAsync(Url($"{api}/recurring-activities"), Json("""
            {"title":"Yearly policy review","kind":"review","rule":"EVERY TUESDAY","startsOn":"2026-01-05"}
            """)), HttpStatusCode.BadRequest);
        Assert.Contains("is not an RFC 5545 rule", garbage.GetProperty("errors").GetProperty("rule")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty((await ReadAsync(await contributor.GetAsync(Url($"{api}/recurring-activities")))).EnumerateArray());

        var review = await ReadAsync(await contributor.PostAsync(Url($"{api}/recurring-activities"), Json("""
            {"title":"Yearly policy review","kind":"review","rule":"FREQ=YEARLY","startsOn":"2026-01-05"}
            """)), HttpStatusCode.Created);
        var url = $"{api}/recurring-activities/{review.GetProperty("id").GetString()}";
        using var outsider = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Url(url))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Url($"/api/orgs/{host.OrganizationB}/recurring-activities/{review.GetProperty("id").GetString()}"))).StatusCode);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(Url($"{url}/occurrences/2026-01-05/done"), Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.DeleteAsync(Url(url))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_usual_rhythms_come_from_the_questionnaire_cycles_once(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var url = $"/api/orgs/{host.OrganizationA}/recurring-activities";

        var first = await ReadAsync(await manager.PostAsync(Url($"{url}/defaults"), null));
        var added = first.GetProperty("added").EnumerateArray().ToDictionary(a => a.GetProperty("title").GetString()!, a => a.GetProperty("rule").GetString()!);
        Assert.Equal(8, added.Count);

        // Unanswered, the questionnaire's own suggestions: a quarterly access review, yearly policy and management reviews.
        Assert.Equal("FREQ=MONTHLY;INTERVAL=3", added["Access rights review"]);
        Assert.Equal("FREQ=MONTHLY;INTERVAL=12", added["Review of policies and procedures"]);
        Assert.Equal("FREQ=MONTHLY;INTERVAL=12", added["Management review"]);
        Assert.Contains(first.GetProperty("added").EnumerateArray(), a => a.GetProperty("kind").GetString() == "internal-audit");

        // Each shows its next occurrences at once, so a new organization starts with a populated calendar.
        var all = await ReadAsync(await manager.GetAsync(Url(url)));
        Assert.All(all.EnumerateArray(), a => Assert.True(a.GetProperty("next").GetArrayLength() >= 1, a.GetProperty("title").GetString()));
        Assert.Equal(4, all.EnumerateArray().Single(a => a.GetProperty("title").GetString() == "Access rights review").GetProperty("next").GetArrayLength());

        var second = await ReadAsync(await manager.PostAsync(Url($"{url}/defaults"), null));
        Assert.Empty(second.GetProperty("added").EnumerateArray());
        Assert.Equal(8, second.GetProperty("alreadyThere").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(host.TokensA[OrganizationRole.Viewer]).PostAsync(Url($"{url}/defaults"), null)).StatusCode);
    }
}
