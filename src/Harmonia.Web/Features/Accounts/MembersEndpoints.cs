using System.Security.Claims;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.Web.Components.Shared;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Accounts;

/// <param name="Passphrase">The caller's own passphrase: granting or changing a role needs it with every API request.</param>
internal sealed record MemberInput(string? Email, string? Role, string? Passphrase = null);

internal static class MembersEndpoints
{
    /// <summary>The link a member opens to set a new passphrase.</summary>
    public static string ResetLinkAddress(HttpContext http, string secret) => PublicLinks.Absolute(http, $"/reset-passphrase/{secret}");

    /// <summary>The link an invitee opens to accept or decline.</summary>
    public static string InvitationAddress(HttpContext http, string token) => PublicLinks.Absolute(http, $"/invitations/{token}");

    /// <summary>What the inviter is told, on the page and in the API answer, while there is no e-mail delivery.</summary>
    public const string HandOver = "No e-mail is sent: pass the link on to the invitee yourself. It is shown only now, works once and expires; they sign in (or create an account for the invited address) and accept.";

    /// <summary>The role of the caller in the route's organization, as the authorization handler found it.</summary>
    public static OrganizationRole CallerRole(HttpContext http) => http.Items[typeof(OrganizationRole)] is OrganizationRole role ? role : OrganizationRole.Viewer;

    public static void MapMembersEndpoints(this RouteGroupBuilder organization)
    {
        var members = organization.MapGroup("/members").WithTags("Members and tokens");

        members.MapGet("/", async (int? page, int? pageSize, ListMembersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Members and their roles.");

        members.MapPut("/", async Task<IResult> (Guid orgId, MemberInput input, HttpContext http, InviteMemberHandler handler, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(input.Email) || !Enum.TryParse<OrganizationRole>(input.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
                {
                    throw new InvalidInputException("Send the person's e-mail and a role: Owner, Manager, Contributor, Auditor or Viewer.");
                }

                // A token has no sign-in to be recent: a stolen one must not be enough to hand out roles.
                if (!await Reauthentication.ConfirmAsync(http, input.Passphrase, renewSession: false))
                {
                    return Problems.Of(StatusCodes.Status403Forbidden, "Passphrase needed", "Granting or changing a role needs your own passphrase in the 'passphrase' field of the request (a missing or wrong passphrase counts towards the lockout). Nothing was changed.");
                }

                var result = await handler.HandleAsync(new InviteMemberRequest(orgId, input.Email, role, CurrentUser.Id(http), CallerRole(http), HarmoniaSignInManager.Address(http)), ct);
                if (result.ChangedMember is { } membership)
                {
                    return TypedResults.Ok(new { membership.UserId, Role = membership.Role.ToString() });
                }

                var issued = result.Invitation!;
                return TypedResults.Accepted($"/api/orgs/{orgId}/invitations", new { Invitation = issued.Invitation, Link = InvitationAddress(http, issued.Token), Delivery = HandOver });
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Invite someone by e-mail with a role (202 with the invitation and its link, whether or not an account exists), or change a current member's role (200; the last owner keeps the role); needs the caller's passphrase.");

        members.MapPost("/{userId:guid}/disable", async (Guid orgId, Guid userId, HttpContext http, SetAccountDisabledHandler handler, CancellationToken ct) =>
            {
                var user = await handler.HandleAsync(new SetAccountDisabledRequest(userId, Disabled: true, orgId, CurrentUser.Id(http)), ct);
                return TypedResults.Ok(new { user.Id, user.DisabledUtc });
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Disable a member's account (only a member of no other organization): sessions and tokens stop at once and never revive.");

        members.MapPost("/{userId:guid}/enable", async (Guid orgId, Guid userId, HttpContext http, SetAccountDisabledHandler handler, CancellationToken ct) =>
            {
                var user = await handler.HandleAsync(new SetAccountDisabledRequest(userId, Disabled: false, orgId, CurrentUser.Id(http)), ct);
                return TypedResults.Ok(new { user.Id, user.DisabledUtc });
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Enable a disabled member's account again; the person signs in anew and creates new tokens.");

        members.MapPost("/{userId:guid}/reset-link", async (Guid orgId, Guid userId, HttpContext http, IssueResetLinkHandler handler, CancellationToken ct) =>
            {
                var link = await handler.HandleAsync(new IssueResetLinkRequest(orgId, userId, CurrentUser.Id(http)), ct);
                return TypedResults.Ok(new { Link = ResetLinkAddress(http, link.Secret), link.ExpiresUtc, link.Email });
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Issue a single-use passphrase reset link for a member of no other organization (shown once; hand it over yourself).");

        members.MapDelete("/{userId:guid}", async (Guid orgId, Guid userId, RemoveMemberHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(new RemoveMemberRequest(orgId, userId), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Remove a member; their access tokens for this organization are revoked (the last owner cannot be removed).");

        var invitations = organization.MapGroup("/invitations").WithTags("Members and tokens");

        invitations.MapGet("/", async (int? page, int? pageSize, bool? pending, ListInvitationsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), pending ?? false, ct)))
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("The organization's invitations, newest first (pending=true for the open ones only); never their links.");

        invitations.MapDelete("/{invitationId:guid}", async (Guid orgId, Guid invitationId, HttpContext http, RevokeInvitationHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(new RevokeInvitationRequest(orgId, invitationId, CurrentUser.Id(http), HarmoniaSignInManager.Address(http)), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Revoke a pending invitation: its link stops working at once.");

        var tokens = organization.MapGroup("/tokens").WithTags("Members and tokens");

        tokens.MapGet("/", async (int? page, int? pageSize, ClaimsPrincipal user, HttpContext http, ListAccessTokensHandler handler, CancellationToken ct) =>
            {
                var all = http.Items[typeof(OrganizationRole)] is OrganizationRole role && role.Allows(Permission.ManageMembers);
                var onlyUser = all ? (Guid?)null : Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
                return TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), onlyUser, ct));
            })
            .RequirePermission(Permission.Read)
            .WithSummary("Access tokens (never the secrets): your own, or everyone's for owners.");

        tokens.MapDelete("/{tokenId:guid}", async (Guid orgId, Guid tokenId, ClaimsPrincipal user, HttpContext http, RevokeAccessTokenHandler revoke, CancellationToken ct) =>
            {
                var all = http.Items[typeof(OrganizationRole)] is OrganizationRole role && role.Allows(Permission.ManageMembers);
                await revoke.HandleAsync(new RevokeAccessTokenRequest(orgId, tokenId, all ? null : Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!)), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.Read)
            .WithSummary("Revoke a token: your own, or anyone's for owners.");
    }
}
