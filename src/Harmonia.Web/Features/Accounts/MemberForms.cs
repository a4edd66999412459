using System.Globalization;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.Web.Components.Shared;
using Harmonia.Web.Features.Organizations;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmonia.Web.Features.Accounts;

/// <summary>
/// The settings page's forms: members and personal access tokens. Each declares its permission like every other
/// page form, so the role test walks them (the page used to check "can manage" inline).
/// </summary>
internal static class MemberForms
{
    public static void MapMemberForms(this WebApplication app)
    {
        // A current member's role changes at once; anyone else gets an invitation whose link is shown once, in the answer.
        app.MapPost("/orgs/{orgId:guid}/settings/members", async Task<IResult> (Guid orgId, HttpRequest request, InviteMemberHandler invite, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var email = FormValues.Text(form, "email");
                if (!await Reauthentication.RecentOrConfirmedAsync(request.HttpContext, form))
                {
                    // Nothing changes: the form comes back with what was typed (kept on the server, never in the
                    // address), now asking for the passphrase.
                    return SettingsForms.PassphraseNeeded(request.HttpContext, orgId, SettingsForms.Members, form);
                }

                try
                {
                    var roleOk = Enum.TryParse<OrganizationRole>(FormValues.Text(form, "role"), ignoreCase: true, out var role) && Enum.IsDefined(role);
                    if (email is null || !roleOk)
                    {
                        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                        if (email is null)
                        {
                            errors["email"] = ["Give the person's e-mail address, like name@example.org."];
                        }

                        if (!roleOk)
                        {
                            errors["role"] = ["Choose a role: Owner, Manager, Contributor, Auditor or Viewer."];
                        }

                        throw new InvalidInputException(errors);
                    }

                    var http = request.HttpContext;
                    var result = await invite.HandleAsync(new InviteMemberRequest(orgId, email, role, CurrentUser.Id(http), MembersEndpoints.CallerRole(http), HarmoniaSignInManager.Address(http)), ct);
                    if (result.ChangedMember is { } membership)
                    {
                        return TypedResults.Redirect($"{Links.Settings(orgId)}?saved={Uri.EscapeDataString($"{email} is now {membership.Role}")}");
                    }

                    var issued = result.Invitation!;
                    return new RazorComponentResult<InvitationIssuedPage>(new
                    {
                        OrgId = orgId,
                        Link = MembersEndpoints.InvitationAddress(http, issued.Token),
                        issued.Invitation.Email,
                        issued.Invitation.Role,
                        issued.Invitation.ExpiresUtc,
                    });
                }
                catch (NotFoundException)
                {
                    return TypedResults.NotFound();
                }
                catch (Exception ex) when (PageForms.MessageFor(ex) is { } message)
                {
                    // What was typed and the message per field wait on the server for the page (ADR 0023), not in the address.
                    return SettingsForms.Refused(request.HttpContext, orgId, SettingsForms.Members, form, message, (ex as InvalidInputException)?.Errors);
                }
            })
            .RequirePagePermission(Permission.ManageMembers)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/settings/invitations/{invitationId:guid}/revoke", (Guid orgId, Guid invitationId, HttpContext http, RevokeInvitationHandler revoke, CancellationToken ct) =>
                PageForms.Outcome(Links.Settings(orgId), async () =>
                {
                    var invitation = await revoke.HandleAsync(new RevokeInvitationRequest(orgId, invitationId, CurrentUser.Id(http), HarmoniaSignInManager.Address(http)), ct);
                    return $"{Links.Settings(orgId)}?saved={Uri.EscapeDataString($"The invitation for {invitation.Email} is revoked; its link no longer works")}#members";
                }))
            .RequirePagePermission(Permission.ManageMembers)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/settings/members/{userId:guid}/remove", (Guid orgId, Guid userId, HttpRequest request, RemoveMemberHandler remove, CancellationToken ct) =>
                PageForms.Outcome(Links.Settings(orgId), async () =>
                {
                    await PageForms.RequireConfirmationAsync(request, ct);
                    await remove.HandleAsync(new RemoveMemberRequest(orgId, userId), ct);
                    return $"{Links.Settings(orgId)}?saved={Uri.EscapeDataString("Member removed; their access tokens are revoked")}";
                }))
            .RequirePagePermission(Permission.ManageMembers)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/settings/members/{userId:guid}/disable", (Guid orgId, Guid userId, HttpContext http, SetAccountDisabledHandler handler, CancellationToken ct) =>
                PageForms.Outcome(Links.Settings(orgId), async () =>
                {
                    var user = await handler.HandleAsync(new SetAccountDisabledRequest(userId, Disabled: true, orgId, CurrentUser.Id(http)), ct);
                    return $"{Links.Settings(orgId)}?saved={Uri.EscapeDataString($"{user.Email} is disabled: signed out everywhere, tokens revoked")}";
                }))
            .RequirePagePermission(Permission.ManageMembers)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/settings/members/{userId:guid}/enable", (Guid orgId, Guid userId, HttpContext http, SetAccountDisabledHandler handler, CancellationToken ct) =>
                PageForms.Outcome(Links.Settings(orgId), async () =>
                {
                    var user = await handler.HandleAsync(new SetAccountDisabledRequest(userId, Disabled: false, orgId, CurrentUser.Id(http)), ct);
                    return $"{Links.Settings(orgId)}?saved={Uri.EscapeDataString($"{user.Email} is enabled again and must sign in anew")}";
                }))
            .RequirePagePermission(Permission.ManageMembers)
            .ValidateFormAntiforgery();

        // Like a new token, the link is shown once, in the answer to the post.
        app.MapPost("/orgs/{orgId:guid}/settings/members/{userId:guid}/reset-link", async Task<Results<RazorComponentResult<ResetLinkPage>, RedirectHttpResult, NotFound>> (
                Guid orgId, Guid userId, HttpContext http, IssueResetLinkHandler issue, CancellationToken ct) =>
            {
                try
                {
                    var link = await issue.HandleAsync(new IssueResetLinkRequest(orgId, userId, CurrentUser.Id(http)), ct);
                    return new RazorComponentResult<ResetLinkPage>(new { OrgId = orgId, Link = MembersEndpoints.ResetLinkAddress(http, link.Secret), link.Email, link.ExpiresUtc });
                }
                catch (NotFoundException)
                {
                    return TypedResults.NotFound();
                }
                catch (Exception ex) when (PageForms.MessageFor(ex) is { } message)
                {
                    return TypedResults.Redirect(PageForms.WithError(Links.Settings(orgId), message));
                }
            })
            .RequirePagePermission(Permission.ManageMembers)
            .ValidateFormAntiforgery();

        // The new token is shown once, in the answer to the post itself: it never travels in an address or a cookie.
        app.MapPost("/orgs/{orgId:guid}/settings/tokens", async Task<Results<RazorComponentResult<NewTokenPage>, RedirectHttpResult>> (
                Guid orgId, HttpRequest request, HttpContext http, CreateAccessTokenHandler create, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                if (!await Reauthentication.RecentOrConfirmedAsync(http, form))
                {
                    return SettingsForms.PassphraseNeeded(http, orgId, SettingsForms.Tokens, form);
                }

                try
                {
                    var days = FormValues.Text(form, "days") is { } text ? int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0 : 90;
                    var created = await create.HandleAsync(new CreateAccessTokenRequest(orgId, CurrentUser.Id(http), FormValues.Text(form, "name") ?? string.Empty, days, HarmoniaSignInManager.Address(http)), ct);
                    return new RazorComponentResult<NewTokenPage>(new { OrgId = orgId, Token = created.Token, ExpiresUtc = created.ExpiresUtc });
                }
                catch (Exception ex) when (PageForms.MessageFor(ex) is { } message)
                {
                    // The secret exists only once the token is made, and then only in the answer above: a refusal
                    // keeps the name and the days typed, never a token or the passphrase.
                    return SettingsForms.Refused(http, orgId, SettingsForms.Tokens, form, message, (ex as InvalidInputException)?.Errors);
                }
            })
            .RequirePagePermission(Permission.Read)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/settings/tokens/{tokenId:guid}/revoke", (Guid orgId, Guid tokenId, HttpContext http, RevokeAccessTokenHandler revoke, CancellationToken ct) =>
                PageForms.Outcome(Links.Settings(orgId), async () =>
                {
                    // The page lists and revokes the person's own tokens only; anyone else's answers as if it did not exist.
                    await revoke.HandleAsync(new RevokeAccessTokenRequest(orgId, tokenId, OnlyOfUser: CurrentUser.Id(http)), ct);
                    return $"{Links.Settings(orgId)}?saved={Uri.EscapeDataString("token revoked")}";
                }))
            .RequirePagePermission(Permission.Read)
            .ValidateFormAntiforgery();
    }
}
