using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Organizations;

public sealed class TopManagementTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static string Review(string topManagement, int daysAgo = 1) => $$"""
        {"heldOn":"{{DateTime.UtcNow.AddDays(-daysAgo):yyyy-MM-dd}}","attendees":["ISMS Manager"],"topManagementAttendees":{{topManagement}},"decisions":"Fund the AI impact assessments.","actions":[]}
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Top_management_are_named_people_and_the_latest_review_records_which_of_them_attended(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";

        var invalid = await owner.PostAsync(new Uri($"{api}/top-management", UriKind.Relative), Json("""{"name":"","position":"CEO","memberEmail":"stranger@else.example"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("memberEmail", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(host.TokensA[OrganizationRole.Manager]).PostAsync(new Uri($"{api}/top-management", UriKind.Relative), Json("""{"name":"Max Berg","position":"COO"}"""))).StatusCode);

        var ceo = await ReadAsync(await owner.PostAsync(new Uri($"{api}/top-management", UriKind.Relative), Json("""{"name":"Olivia Stone","position":"Chief Executive Officer","memberEmail":"Owner@A.example"}""")));
        Assert.Equal("owner@a.example", ceo.GetProperty("memberEmail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync(new Uri($"{api}/top-management", UriKind.Relative), Json("""{"name":"Olivia Stone","position":"Chair"}"""))).StatusCode);
        var linkedTwice = await owner.PostAsync(new Uri($"{api}/top-management", UriKind.Relative), Json("""{"name":"Someone Else","position":"Chair","memberEmail":"owner@a.example"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, linkedTwice.StatusCode);

        var latest = await ReadAsync(await owner.GetAsync(new Uri($"{api}/top-management/latest-review", UriKind.Relative)));
        Assert.False(latest.GetProperty("attendedByTopManagement").GetBoolean());

        var unknown = await owner.PostAsync(new Uri($"{api}/management-reviews", UriKind.Relative), Json(Review($"[\"{Guid.NewGuid()}\"]")));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("topManagementAttendees", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var id = ceo.GetProperty("id").GetString();
        var review = await ReadAsync(await owner.PostAsync(new Uri($"{api}/management-reviews", UriKind.Relative), Json(Review($"[\"{id}\"]"))));
        Assert.Equal(id, review.GetProperty("topManagementAttendees").EnumerateArray().Single().GetString());
        Assert.Contains("Olivia Stone", review.GetProperty("attendees").EnumerateArray().Select(a => a.GetString()));
        latest = await ReadAsync(await owner.GetAsync(new Uri($"{api}/top-management/latest-review", UriKind.Relative)));
        Assert.True(latest.GetProperty("attendedByTopManagement").GetBoolean());
        Assert.Equal("Olivia Stone", latest.GetProperty("topManagementAttendees").EnumerateArray().Single().GetString());

        // Renamed with If-Match; the change and the removal are in the audit trail.
        var update = new HttpRequestMessage(HttpMethod.Put, new Uri($"{api}/top-management/{id}", UriKind.Relative)) { Content = Json("""{"name":"Olivia Stone-Berg","position":"Chief Executive Officer"}""") };
        update.Headers.IfMatch.ParseAdd("\"1\"");
        var renamed = await ReadAsync(await owner.SendAsync(update));
        Assert.Equal(JsonValueKind.Null, renamed.GetProperty("memberEmail").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(new Uri($"{api}/top-management/{id}", UriKind.Relative))).StatusCode);
        var trail = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            return await s.GetRequiredService<HarmoniaDbContext>().AuditEvents.Where(e => e.EntityType == nameof(TopManagementMember)).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        });
        Assert.Equal(["created", "updated", "deleted"], trail);

        // The review they attended still counts: they were top management when it was held.
        latest = await ReadAsync(await owner.GetAsync(new Uri($"{api}/top-management/latest-review", UriKind.Relative)));
        Assert.True(latest.GetProperty("attendedByTopManagement").GetBoolean());

        // A review held the same day without them is part of the same meeting: they still attended.
        await ReadAsync(await owner.PostAsync(new Uri($"{api}/management-reviews", UriKind.Relative), Json(Review("[]"))));
        latest = await ReadAsync(await owner.GetAsync(new Uri($"{api}/top-management/latest-review", UriKind.Relative)));
        Assert.True(latest.GetProperty("attendedByTopManagement").GetBoolean());

        // A later review without them is the latest, and top management did not attend it.
        await ReadAsync(await owner.PostAsync(new Uri($"{api}/management-reviews", UriKind.Relative), Json(Review("[]", daysAgo: 0))));
        latest = await ReadAsync(await owner.GetAsync(new Uri($"{api}/top-management/latest-review", UriKind.Relative)));
        Assert.False(latest.GetProperty("attendedByTopManagement").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_organizations_top_management_is_not_found(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var foreign = await host.NewTopManagementMemberAsync(host.OrganizationB);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync(new Uri($"{api}/top-management/{foreign}", UriKind.Relative))).StatusCode);
        var update = new HttpRequestMessage(HttpMethod.Put, new Uri($"{api}/top-management/{foreign}", UriKind.Relative)) { Content = Json("""{"name":"Taken Over","position":"CEO"}""") };
        update.Headers.IfMatch.ParseAdd("\"1\"");
        Assert.Equal(HttpStatusCode.NotFound, (await owner.SendAsync(update)).StatusCode);

        // Naming it as an attendee of this organization's review is refused too.
        var review = await owner.PostAsync(new Uri($"{api}/management-reviews", UriKind.Relative), Json(Review($"[\"{foreign}\"]")));
        Assert.Equal(HttpStatusCode.BadRequest, review.StatusCode);
        Assert.Empty((await ReadAsync(await owner.GetAsync(new Uri($"{api}/top-management", UriKind.Relative)))).EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_cli_names_lists_and_removes_top_management(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var org = host.OrganizationA.ToString();
        var refused = await CliRun.OnAsync(host.Database, "top-management", "add", "--org", org, "--name", "Olivia Stone", "--position", "CEO", "--member-email", "stranger@else.example");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("not a member of this organization", refused.Error, StringComparison.Ordinal);

        var added = await CliRun.OnAsync(host.Database, "top-management", "add", "--org", org, "--name", "Olivia Stone", "--position", "CEO", "--member-email", "owner@a.example");
        Assert.True(added.ExitCode == 0, added.Error);
        var listed = await CliRun.OnAsync(host.Database, "top-management", "list", "--org", org);
        Assert.Contains("Olivia Stone, CEO <owner@a.example>", listed.Out, StringComparison.Ordinal);

        var id = listed.Out.Split("  ")[0].Trim();
        Assert.Equal(0, (await CliRun.OnAsync(host.Database, "top-management", "remove", "--org", org, "--id", id)).ExitCode);
        Assert.Contains("No top management named yet", (await CliRun.OnAsync(host.Database, "top-management", "list", "--org", org)).Out, StringComparison.Ordinal);
        var missing = await CliRun.OnAsync(host.Database, "top-management", "remove", "--org", org, "--id", id);
        Assert.NotEqual(0, missing.ExitCode);
    }

    [Fact]
    public async Task Pages_name_top_management_keeping_typed_input_tick_who_attended_a_review_and_let_the_owner_sign_off_a_risk()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");
        var settings = $"/orgs/{host.OrganizationA}/settings";
        var action = $"action=\"{settings}/top-management\"";

        var form = BrowserForm.FormFields(await owner.GetStringAsync(BrowserForm.Url(settings)), action);
        BrowserForm.Set(form, "name", "Olivia Stone");
        BrowserForm.Set(form, "position", "Chief Executive Officer");
        BrowserForm.Set(form, "memberEmail", "stranger@else.example");
        string location;
        using (var refused = await owner.PostAsync(BrowserForm.Url($"{settings}/top-management"), new FormUrlEncodedContent(form)))
        {
            location = refused.Headers.Location!.OriginalString;
        }

        var shown = WebUtility.HtmlDecode(await owner.GetStringAsync(BrowserForm.Url(location)));
        Assert.Contains("is not a member of this organization", shown, StringComparison.Ordinal);
        Assert.Contains("value=\"Olivia Stone\"", shown, StringComparison.Ordinal);
        Assert.Contains("value=\"Chief Executive Officer\"", shown, StringComparison.Ordinal);

        form = BrowserForm.FormFields(shown, action);
        BrowserForm.Set(form, "memberEmail", "owner@a.example");
        using (var saved = await owner.PostAsync(BrowserForm.Url($"{settings}/top-management"), new FormUrlEncodedContent(form)))
        {
            Assert.DoesNotContain("outcome=refused", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Contains("owner@a.example", await owner.GetStringAsync(BrowserForm.Url(settings)), StringComparison.Ordinal);

        var reviews = $"/orgs/{host.OrganizationA}/management-reviews";
        var reviewPage = await owner.GetStringAsync(BrowserForm.Url(reviews));
        var id = System.Text.RegularExpressions.Regex.Match(reviewPage, "name=\"topManagement\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.NotEmpty(id);
        var review = BrowserForm.FormFields(reviewPage, $"action=\"{reviews}/record\"");
        BrowserForm.Set(review, "heldOn", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        BrowserForm.Set(review, "decisions", "Fund the impact assessments.");
        review.Add(new("topManagement", id));
        using (var held = await owner.PostAsync(BrowserForm.Url($"{reviews}/record"), new FormUrlEncodedContent(review)))
        {
            Assert.DoesNotContain("outcome=refused", held.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var api = host.Client(host.TokensA[OrganizationRole.Manager]);
        Assert.True((await ReadAsync(await api.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/top-management/latest-review", UriKind.Relative)))).GetProperty("attendedByTopManagement").GetBoolean());

        // The risk owner approves the plan from the register page; the page says who did.
        await ReadAsync(await api.PostAsync(new Uri($"/api/orgs/{host.OrganizationA}/risks", UriKind.Relative), Json("""
            {"key":"R-9","title":"Support macros leak personal data","categories":["privacy"],"inherentLikelihood":3,"inherentImpact":3,"treatment":"accept","residualLikelihood":2,"residualImpact":2,"owner":"Head of Support","ownerAccount":"contributor@a.example"}
            """)));
        using var riskOwner = await host.SignedInAsync("contributor@a.example");
        var risks = $"/orgs/{host.OrganizationA}/risks";
        var riskPage = await riskOwner.GetStringAsync(BrowserForm.Url(risks));
        var approve = System.Text.RegularExpressions.Regex.Match(riskPage, "action=\"(/orgs/[^\"]+/risks/[0-9a-f-]{36}/approve-plan)\"").Groups[1].Value;
        using (var byManager = await owner.PostAsync(BrowserForm.Url(approve), new FormUrlEncodedContent(BrowserForm.FormFields(await owner.GetStringAsync(BrowserForm.Url(risks)), $"action=\"{approve}\""))))
        {
            Assert.Contains("outcome=refused", byManager.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var approved = await riskOwner.PostAsync(BrowserForm.Url(approve), new FormUrlEncodedContent(BrowserForm.FormFields(riskPage, $"action=\"{approve}\""))))
        {
            Assert.DoesNotContain("outcome=refused", approved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Contains("Plan: approved by contributor@a.example", WebUtility.HtmlDecode(await riskOwner.GetStringAsync(BrowserForm.Url(risks))), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_policy_counts_as_approved_by_top_management_only_when_a_named_member_approved_it(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var api = $"/api/orgs/{host.OrganizationA}";
        await ReadAsync(await owner.PostAsync(new Uri($"{api}/top-management", UriKind.Relative), Json("""{"name":"Olivia Stone","position":"CEO","memberEmail":"owner@a.example"}""")));

        // The AI policy is approved by the owner, who is named top management; the security policy by a manager, who is not.
        var aiPolicy = await host.DocumentAsync(host.OrganizationA);
        await ReadAsync(await owner.PostAsync(new Uri($"{api}/documents/generate", UriKind.Relative), Json("""{"templateIds":["information-security-policy"]}""")));
        var securityPolicy = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            return await s.GetRequiredService<HarmoniaDbContext>().Documents.Where(d => d.TemplateId == "information-security-policy").Select(d => d.Id).SingleAsync();
        });
        foreach (var (document, approver) in new[] { (aiPolicy, owner), (securityPolicy, manager) })
        {
            var submitter = approver == owner ? manager : owner;
            var submitted = await submitter.PostAsync(new Uri($"{api}/documents/{document}/submit", UriKind.Relative), Json("""{"change":"material"}"""));
            Assert.True(submitted.IsSuccessStatusCode, $"{(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
            var approved = await approver.PostAsync(new Uri($"{api}/documents/{document}/approve", UriKind.Relative), null);
            Assert.True(approved.IsSuccessStatusCode, $"{(int)approved.StatusCode} {await approved.Content.ReadAsStringAsync()}");
        }

        var policies = (await ReadAsync(await manager.GetAsync(new Uri($"{api}/top-management/policy-approvals", UriKind.Relative)))).EnumerateArray()
            .ToDictionary(p => p.GetProperty("templateId").GetString()!, p => p);
        Assert.True(policies["ai-policy"].GetProperty("approvedByTopManagement").GetBoolean());
        Assert.Equal("Olivia Stone (CEO)", policies["ai-policy"].GetProperty("topManagementApprovers").EnumerateArray().Single().GetString());
        Assert.NotEqual(JsonValueKind.Null, policies["information-security-policy"].GetProperty("revision").ValueKind);
        Assert.False(policies["information-security-policy"].GetProperty("approvedByTopManagement").GetBoolean());
    }
}
