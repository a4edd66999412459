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

    private static string Review(string topManagement) => $$"""
        {"heldOn":"{{DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}}","attendees":["ISMS Manager"],"topManagementAttendees":{{topManagement}},"decisions":"Fund the AI impact assessments.","actions":[]}
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
            return await s.GetRequiredService<HarmoniaDbContext>().AuditEvents.Where(e => e.EntityType == nameof(TopManagementMember)).Select(e => e.Action).ToListAsync();
        });
        Assert.Equal(["created", "updated", "deleted"], trail);

        // The review they attended still counts: they were top management when it was held.
        latest = await ReadAsync(await owner.GetAsync(new Uri($"{api}/top-management/latest-review", UriKind.Relative)));
        Assert.True(latest.GetProperty("attendedByTopManagement").GetBoolean());

        // A later review without them is the latest, and top management did not attend it.
        await ReadAsync(await owner.PostAsync(new Uri($"{api}/management-reviews", UriKind.Relative), Json(Review("[]"))));
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
}
