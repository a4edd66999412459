using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Accounts;

/// <summary>
/// Issue 20, item 5: adding someone is an invitation the invitee accepts. The inviter's answer is the same whether or
/// not the address has an account; nobody is a member before accepting; expired, revoked and used links are refused.
/// </summary>
public sealed class InvitationTests
{
    private const string Passphrase = "a long enough passphrase";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Inviting_answers_alike_whether_or_not_the_address_has_an_account_and_adds_no_member(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);

        // owner@b.example has an account (in another organization); nobody@nowhere.example has none.
        using var existing = await owner.PutAsync(new Uri($"{api}/members", UriKind.Relative), Json($$"""{"email":"owner@b.example","role":"Contributor","passphrase":"{{Passphrase}}"}"""));
        using var unknown = await owner.PutAsync(new Uri($"{api}/members", UriKind.Relative), Json($$"""{"email":"nobody@nowhere.example","role":"Contributor","passphrase":"{{Passphrase}}"}"""));

        Assert.Equal(HttpStatusCode.Accepted, existing.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        var first = JsonNode.Parse(await existing.Content.ReadAsStringAsync())!;
        var second = JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!;
        Assert.Equal(Comparable(first, "owner@b.example"), Comparable(second, "nobody@nowhere.example"));
        Assert.StartsWith("http://localhost/invitations/hi_", first["link"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("No e-mail is sent", first["delivery"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("pending", first["invitation"]!["status"]!.GetValue<string>());

        var members = await owner.GetStringAsync(new Uri($"{api}/members", UriKind.Relative));
        Assert.DoesNotContain("owner@b.example", members, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody@nowhere.example", members, StringComparison.Ordinal);

        using var listed = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"{api}/invitations?pending=true", UriKind.Relative)));
        Assert.Equal(2, listed.RootElement.GetProperty("total").GetInt32());
        Assert.DoesNotContain("hi_", listed.RootElement.GetRawText(), StringComparison.Ordinal);

        // Only the hash of the secret is stored.
        var token = first["link"]!.GetValue<string>().Split('/').Last();
        var stored = await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().MemberInvitations
            .IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).Select(i => i.TokenHash).ToListAsync());
        Assert.Contains(AccessTokenFormat.Hash(token), stored);
        Assert.DoesNotContain(stored, h => h.Contains("hi_", StringComparison.Ordinal));

        Assert.Contains(SecurityEventKinds.InvitationSent, await SessionTests.SecurityKindsAsync(host, host.UsersA[OrganizationRole.Owner]));
        var trail = await owner.GetStringAsync(new Uri($"{api}/audit-trail?pageSize=200", UriKind.Relative));
        Assert.Contains("MemberInvitation", trail, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessTokenFormat.Hash(token), trail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_invitee_declines_or_accepts_and_becomes_a_member_only_by_accepting(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var invitee = host.Client(host.TokenB);
        var inviteeId = await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Users.Where(u => u.Email == "owner@b.example").Select(u => u.Id).SingleAsync());

        var declined = await InviteAsync(owner, api, "owner@b.example", "Viewer");
        using (var mine = JsonDocument.Parse(await invitee.GetStringAsync(new Uri("/api/account/invitations", UriKind.Relative))))
        {
            var only = Assert.Single(mine.RootElement.EnumerateArray());
            Assert.Equal(declined.Id, only.GetProperty("id").GetGuid());
            Assert.Equal("Acme Analytics GmbH", only.GetProperty("organizationName").GetString());
            Assert.Equal("owner@a.example", only.GetProperty("invitedBy").GetString());
        }

        // Somebody else's invitation does not exist for this account.
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.PostAsync(new Uri($"/api/account/invitations/{declined.Id}/accept", UriKind.Relative), null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await invitee.PostAsync(new Uri($"/api/account/invitations/{declined.Id}/decline", UriKind.Relative), null)).StatusCode);
        Assert.DoesNotContain("owner@b.example", await owner.GetStringAsync(new Uri($"{api}/members", UriKind.Relative)), StringComparison.Ordinal);
        using (var again = await invitee.PostAsync(new Uri($"/api/account/invitations/{declined.Id}/accept", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Contains("already declined", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var accepted = await InviteAsync(owner, api, "owner@b.example", "Contributor");
        using (var answer = await invitee.PostAsync(new Uri($"/api/account/invitations/{accepted.Id}/accept", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("\"accepted\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var members = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"{api}/members", UriKind.Relative))))
        {
            var member = members.RootElement.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("email").GetString() == "owner@b.example");
            Assert.Equal("Contributor", member.GetProperty("role").GetString());
        }

        using (var used = await invitee.PostAsync(new Uri($"/api/account/invitations/{accepted.Id}/accept", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, used.StatusCode);
            Assert.Contains("already accepted", await used.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Now a member: the same form changes the role at once instead of inviting.
        using (var changed = await owner.PutAsync(new Uri($"{api}/members", UriKind.Relative), Json($$"""{"email":"owner@b.example","role":"Auditor","passphrase":"{{Passphrase}}"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        var kinds = await SessionTests.SecurityKindsAsync(host, inviteeId);
        Assert.Contains(SecurityEventKinds.InvitationDeclined, kinds);
        Assert.Contains(SecurityEventKinds.InvitationAccepted, kinds);
        var trail = await owner.GetStringAsync(new Uri($"{api}/audit-trail?pageSize=200", UriKind.Relative));
        Assert.Contains(SecurityEventKinds.InvitationAccepted, trail, StringComparison.Ordinal);
        Assert.Contains(SecurityEventKinds.InvitationDeclined, trail, StringComparison.Ordinal);
        Assert.Contains(inviteeId.ToString(), trail, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Expired_revoked_used_and_unknown_links_are_refused_with_a_clear_message(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var invitee = await Browser.SignedInAsync(host, "owner@b.example");

        var revoked = await InviteAsync(owner, api, "owner@b.example", "Viewer");
        Assert.Contains("Accept", await invitee.GetStringAsync(revoked.Page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(new Uri($"{api}/invitations/{revoked.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.DeleteAsync(new Uri($"{api}/invitations/{revoked.Id}", UriKind.Relative))).StatusCode);
        Assert.Contains("withdrawn", await invitee.GetStringAsync(revoked.Page), StringComparison.Ordinal);
        using (var late = await invitee.PostFormAsync($"{revoked.Page}/accept", revoked.Page, []))
        {
            Assert.Contains("withdrawn", await invitee.OutcomeAsync(late), StringComparison.Ordinal);
        }

        var expired = await InviteAsync(owner, api, "owner@b.example", "Viewer");
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            var row = await db.MemberInvitations.SingleAsync(i => i.Id == expired.Id);
            row.ExpiresUtc = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("expired on", await invitee.GetStringAsync(expired.Page), StringComparison.Ordinal);
        using (var late = await invitee.PostFormAsync($"{expired.Page}/accept", "/account/invitations", []))
        {
            Assert.Contains("expired on", await invitee.OutcomeAsync(late), StringComparison.Ordinal);
        }

        using (var listed = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"{api}/invitations", UriKind.Relative))))
        {
            var statuses = listed.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("status").GetString());
            Assert.Equal("revoked", statuses[revoked.Id]);
            Assert.Equal("expired", statuses[expired.Id]);
        }

        var used = await InviteAsync(owner, api, "owner@b.example", "Viewer");
        using (var accept = await invitee.PostFormAsync($"{used.Page}/accept", used.Page, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
            Assert.Contains("You are now Viewer of Acme Analytics GmbH", await invitee.OutcomeAsync(accept), StringComparison.Ordinal);
        }

        Assert.Contains("already accepted", await invitee.GetStringAsync(used.Page), StringComparison.Ordinal);
        Assert.Contains(AnswerInvitationHandler.UnknownLink, WebUtility.HtmlDecode(await invitee.GetStringAsync("/invitations/hi_not-a-real-invitation")), StringComparison.Ordinal);
        Assert.Contains(AnswerInvitationHandler.UnknownLink, WebUtility.HtmlDecode(await invitee.GetStringAsync("/invitations/anything")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_link_for_another_address_cannot_be_accepted(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var invitation = await InviteAsync(owner, $"/api/orgs/{host.OrganizationA}", "someone.else@example.org", "Manager");
        using var stranger = await Browser.SignedInAsync(host, "owner@b.example");

        Assert.Contains("another e-mail address", await stranger.GetStringAsync(invitation.Page), StringComparison.Ordinal);
        using (var refused = await stranger.PostFormAsync($"{invitation.Page}/accept", invitation.Page, []))
        {
            Assert.Contains("another e-mail address", await stranger.OutcomeAsync(refused), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("owner@b.example", await owner.GetStringAsync(new Uri($"/api/orgs/{host.OrganizationA}/members", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_an_owner_may_offer_the_owner_role(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var manager = host.UsersA[OrganizationRole.Manager];
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => host.WithScopeAsync(s => s.GetRequiredService<InviteMemberHandler>().HandleAsync(
            new InviteMemberRequest(host.OrganizationA, "new-owner@example.org", OrganizationRole.Owner, manager, OrganizationRole.Manager))));
        Assert.Contains("Only an Owner", refused.Message, StringComparison.Ordinal);

        // Nor through a role change of a current member.
        await Assert.ThrowsAsync<InvalidInputException>(() => host.WithScopeAsync(s => s.GetRequiredService<InviteMemberHandler>().HandleAsync(
            new InviteMemberRequest(host.OrganizationA, "viewer@a.example", OrganizationRole.Owner, manager, OrganizationRole.Manager))));

        // A Manager may not invite at all (ManageMembers is the Owner's), and an Owner may offer Owner.
        using var managerClient = host.Client(host.TokensA[OrganizationRole.Manager]);
        Assert.Equal(HttpStatusCode.Forbidden, (await managerClient.PutAsync(new Uri($"/api/orgs/{host.OrganizationA}/members", UriKind.Relative), Json($$"""{"email":"new-owner@example.org","role":"Viewer","passphrase":"{{Passphrase}}"}"""))).StatusCode);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        Assert.Equal(HttpStatusCode.Accepted, (await owner.PutAsync(new Uri($"/api/orgs/{host.OrganizationA}/members", UriKind.Relative), Json($$"""{"email":"new-owner@example.org","role":"Owner","passphrase":"{{Passphrase}}"}"""))).StatusCode);
        Assert.Equal(0, await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().MemberInvitations
            .IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).CountAsync(i => i.InvitedByUserId == manager)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_invitee_without_an_account_signs_up_through_the_link_while_sign_up_is_closed(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var invitation = await InviteAsync(owner, $"/api/orgs/{host.OrganizationA}", "newcomer@example.org", "Contributor");
        var token = invitation.Page.Split('/').Last();
        using var visitor = new Browser(host.RawClient());

        // Sign-up is closed by default; the link opens it for the invited address only.
        Assert.Contains("does not take sign-ups", await visitor.GetStringAsync("/signup"), StringComparison.Ordinal);
        var landing = await visitor.GetStringAsync(invitation.Page);
        Assert.Contains($"/signup?invitation={token}", landing, StringComparison.Ordinal);
        var form = await visitor.GetStringAsync($"/signup?invitation={token}");
        Assert.Contains("value=\"newcomer@example.org\"", form, StringComparison.Ordinal);
        Assert.Contains("readonly", form, StringComparison.Ordinal);

        using (var other = await visitor.PostPageFormAsync($"/signup?invitation={token}", "signup", SignUpFields("intruder@example.org", token)))
        {
            Assert.Contains(SignUpHandler.Closed, await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(await AccountExistsAsync(host, "intruder@example.org"));
        using (var created = await visitor.PostPageFormAsync($"/signup?invitation={token}", "signup", SignUpFields("newcomer@example.org", token)))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal($"/signin?signedUp=1&returnUrl={Uri.EscapeDataString(invitation.Page)}", created.Headers.Location!.PathAndQuery);
        }

        Assert.True(await AccountExistsAsync(host, "newcomer@example.org"));
        Assert.DoesNotContain("newcomer@example.org", await owner.GetStringAsync(new Uri($"/api/orgs/{host.OrganizationA}/members", UriKind.Relative)), StringComparison.Ordinal);

        using var newcomer = await Browser.SignedInAsync(host, "newcomer@example.org", "the newcomer's own passphrase");
        Assert.Contains("pending invitation", await newcomer.GetStringAsync("/orgs"), StringComparison.Ordinal);
        Assert.Contains("Acme Analytics GmbH", await newcomer.GetStringAsync("/account/invitations"), StringComparison.Ordinal);
        using (var accepted = await newcomer.PostFormAsync($"/account/invitations/{invitation.Id}/accept", "/account/invitations", []))
        {
            Assert.Contains("outcome=saved", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Contains("newcomer@example.org", await owner.GetStringAsync(new Uri($"/api/orgs/{host.OrganizationA}/members", UriKind.Relative)), StringComparison.Ordinal);

        // Once answered, the link no longer opens sign-up.
        Assert.Contains("does not take sign-ups", await visitor.GetStringAsync($"/signup?invitation={token}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invitee_sign_up_can_be_turned_off_and_links_use_the_public_address(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider, new Dictionary<string, string>
        {
            ["Accounts:AllowInviteeSignUp"] = "false",
            ["App:PublicUrl"] = "https://harmonia.example.org/",
        });
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var invitation = await InviteAsync(owner, $"/api/orgs/{host.OrganizationA}", "newcomer@example.org", "Viewer");
        Assert.StartsWith("https://harmonia.example.org/invitations/hi_", invitation.Link, StringComparison.Ordinal);
        using var visitor = new Browser(host.RawClient());
        var token = invitation.Page.Split('/').Last();
        Assert.DoesNotContain("/signup?invitation=", await visitor.GetStringAsync(invitation.Page), StringComparison.Ordinal);
        Assert.Contains("does not take sign-ups", await visitor.GetStringAsync($"/signup?invitation={token}"), StringComparison.Ordinal);

        // The passphrase reset link is built by the same helper.
        using var reset = await owner.PostAsync(new Uri($"/api/orgs/{host.OrganizationA}/members/{host.UsersA[OrganizationRole.Viewer]}/reset-link", UriKind.Relative), null);
        using var json = JsonDocument.Parse(await reset.Content.ReadAsStringAsync());
        Assert.StartsWith("https://harmonia.example.org/reset-passphrase/hr_", json.RootElement.GetProperty("link").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_address_that_is_not_http_stops_the_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["App:PublicUrl"] = "ftp://harmonia.example.org" });
        });
        Assert.Contains("App:PublicUrl", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Owners_invite_list_and_revoke_on_the_settings_page(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var settings = $"/orgs/{host.OrganizationA}/settings";
        using var owner = await Browser.SignedInAsync(host, "owner@a.example");
        Assert.Contains("Invite someone", await owner.GetStringAsync(settings), StringComparison.Ordinal);

        string link;
        using (var invited = await owner.PostFormAsync($"{settings}/members", settings, new() { ["email"] = "auditor@firm.example", ["role"] = "Auditor" }))
        {
            Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
            var page = await invited.Content.ReadAsStringAsync();
            Assert.Contains("No e-mail is sent", page, StringComparison.Ordinal);
            link = System.Text.RegularExpressions.Regex.Match(page, "id=\"invitation-link\">([^<]+)<").Groups[1].Value;
            Assert.StartsWith("http://localhost/invitations/hi_", link, StringComparison.Ordinal);
        }

        var listed = await owner.GetStringAsync(settings);
        Assert.Contains("Pending invitations", listed, StringComparison.Ordinal);
        Assert.Contains("auditor@firm.example", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(link.Split('/').Last(), listed, StringComparison.Ordinal);
        var id = await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().MemberInvitations
            .IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).Where(i => i.Email == "auditor@firm.example").Select(i => i.Id).SingleAsync());

        using (var revoked = await owner.PostFormAsync($"{settings}/invitations/{id}/revoke", settings, []))
        {
            Assert.Contains("outcome=saved", revoked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        await owner.GetStringAsync(settings); // shows the outcome of the revocation, which names the address, once
        Assert.DoesNotContain("auditor@firm.example", await owner.GetStringAsync(settings), StringComparison.Ordinal);
        using (var again = await owner.PostFormAsync($"{settings}/invitations/{id}/revoke", settings, []))
        {
            Assert.Contains("outcome=refused", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // A bad address goes back to the form with what was typed, kept on the server, never in the address (ADR 0023).
        using (var bad = await owner.PostFormAsync($"{settings}/members", settings, new() { ["email"] = "not an address", ["role"] = "Viewer" }))
        {
            var back = bad.Headers.Location!.OriginalString;
            Assert.DoesNotContain("not", back, StringComparison.Ordinal);
            var page = System.Net.WebUtility.HtmlDecode(await owner.GetStringAsync(back));
            Assert.Contains("value=\"not an address\"", page, StringComparison.Ordinal);
            Assert.Contains("id=\"error-", page, StringComparison.Ordinal);
        }

        Assert.Contains(SecurityEventKinds.InvitationRevoked, await SessionTests.SecurityKindsAsync(host, host.UsersA[OrganizationRole.Owner]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_administrators_cli_still_adds_an_existing_account_at_once(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var added = await CliRun.OnAsync(host.Database, "org", "add-member", "--org", host.OrganizationA.ToString(), "--email", "owner@b.example", "--role", "Viewer");
        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Contains("owner@b.example is now Viewer", added.Out, StringComparison.Ordinal);

        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        Assert.Contains("owner@b.example", await owner.GetStringAsync(new Uri($"/api/orgs/{host.OrganizationA}/members", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(0, await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().MemberInvitations.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).CountAsync()));

        var unknown = await CliRun.OnAsync(host.Database, "org", "add-member", "--org", host.OrganizationA.ToString(), "--email", "nobody@nowhere.example", "--role", "Viewer");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No account uses the e-mail address", unknown.Error, StringComparison.Ordinal);
    }

    internal sealed record Invitation(Guid Id, string Link, string Page);

    internal static async Task<Invitation> InviteAsync(HttpClient owner, string api, string email, string role)
    {
        using var response = await owner.PutAsync(new Uri($"{api}/members", UriKind.Relative), Json($$"""{"email":"{{email}}","role":"{{role}}","passphrase":"{{Passphrase}}"}"""));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var link = body["link"]!.GetValue<string>();
        return new Invitation(body["invitation"]!["id"]!.GetValue<Guid>(), link, "/invitations/" + link.Split('/').Last());
    }

    private static Dictionary<string, string> SignUpFields(string email, string invitation) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = "the newcomer's own passphrase",
        ["Input.Confirm"] = "the newcomer's own passphrase",
        ["invitation"] = invitation,
    };

    private static Task<bool> AccountExistsAsync(ApiHost host, string email)
    {
        var normalized = email.ToUpperInvariant();
        return host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Users.AnyAsync(u => u.NormalizedEmail == normalized));
    }

    /// <summary>The answer with what differs by nature (address, id, link secret, times) taken out.</summary>
    private static string Comparable(JsonNode answer, string email)
    {
        var copy = JsonNode.Parse(answer.ToJsonString())!;
        var invitation = copy["invitation"]!.AsObject();
        Assert.Equal(email, invitation["email"]!.GetValue<string>());
        foreach (var varying in new[] { "id", "email", "createdUtc", "expiresUtc" })
        {
            invitation[varying] = null;
        }

        copy["link"] = copy["link"]!.GetValue<string>().Split("hi_")[0];
        return copy.ToJsonString();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
