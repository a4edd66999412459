using System.Net;
using System.Text;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Accounts;

/// <summary>Issue 20, item 5: members can be removed, their tokens die with the membership, and an organization always keeps an owner.</summary>
public sealed class MembershipTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_removed_member_loses_access_and_their_token_never_revives(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var contributorId = host.UsersA[OrganizationRole.Contributor];
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync(new Uri($"{api}/controls", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.DeleteAsync(new Uri($"{api}/members/{host.UsersA[OrganizationRole.Viewer]}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(new Uri($"{api}/members/{contributorId}", UriKind.Relative))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await contributor.GetAsync(new Uri($"{api}/controls", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync(new Uri($"{api}/members/{contributorId}", UriKind.Relative))).StatusCode);

        // Invited again and accepted, the person starts over: the old token stays revoked.
        var invitation = await InvitationTests.InviteAsync(owner, api, "contributor@a.example", "Contributor");
        using (var person = await Browser.SignedInAsync(host, "contributor@a.example"))
        using (var accepted = await person.PostFormAsync($"/account/invitations/{invitation.Id}/accept", "/account/invitations", []))
        {
            Assert.Contains("outcome=saved", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Contains("contributor@a.example", await owner.GetStringAsync(new Uri($"{api}/members", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await contributor.GetAsync(new Uri($"{api}/controls", UriKind.Relative))).StatusCode);

        var trail = await owner.GetStringAsync(new Uri($"{api}/audit-trail?pageSize=200", UriKind.Relative));
        Assert.Contains(contributorId.ToString(), trail, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_last_owner_can_neither_leave_nor_step_down(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var ownerId = host.UsersA[OrganizationRole.Owner];

        using (var demoted = await owner.PutAsync(new Uri($"{api}/members", UriKind.Relative), Json("""{"email":"owner@a.example","role":"Viewer","passphrase":"a long enough passphrase"}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, demoted.StatusCode);
            Assert.Contains("last owner", await demoted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await owner.DeleteAsync(new Uri($"{api}/members/{ownerId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(new Uri($"{api}/members", UriKind.Relative))).StatusCode);

        // With a second owner, the first may step down.
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsync(new Uri($"{api}/members", UriKind.Relative), Json("""{"email":"manager@a.example","role":"Owner","passphrase":"a long enough passphrase"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsync(new Uri($"{api}/members", UriKind.Relative), Json("""{"email":"owner@a.example","role":"Viewer","passphrase":"a long enough passphrase"}"""))).StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
