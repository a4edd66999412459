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
    public static string ResetLinkAddress(HttpContext http, string secret) => $"{http.Request.Scheme}://{http.Request.Host}/reset-passphrase/{secret}";

    public static void MapMembersEndpoints(this RouteGroupBuilder organization)
    {
        var members = organization.MapGroup("/members").WithTags("Members and tokens");

        members.MapGet("/", async (int? page, int? pageSize, ListMembersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Members and their roles.");

        members.MapPut("/", async Task<IResult> (Guid orgId, MemberInput input, HttpContext http, AddMemberHandler handler, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(input.Email) || !Enum.TryParse<OrganizationRole>(input.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
                {
                    throw new InvalidInputException("Send the member's e-mail and a role: Owner, Manager, Contributor, Auditor or Viewer.");
                }

                // A token has no sign-in to be recent: a stolen one must not be enough to hand out roles.
                if (!await Reauthentication.ConfirmAsync(http, input.Passphrase, renewSession: false))
                {
                    return Problems.Of(StatusCodes.Status403Forbidden, "Passphrase needed", "Granting or changing a role needs your own passphrase in the 'passphrase' field of the request (a missing or wrong passphrase counts towards the lockout). Nothing was changed.");
                }

                var membership = await handler.HandleAsync(new AddMemberRequest(orgId, input.Email, role, HarmoniaSignInManager.Address(http)), ct);
                return TypedResults.Ok(new { membership.UserId, Role = membership.Role.ToString() });
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Add an existing account as a member, or change its role (the last owner keeps the role); needs the caller's passphrase.");

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
