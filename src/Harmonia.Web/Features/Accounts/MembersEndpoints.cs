using System.Security.Claims;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Accounts;

internal sealed record MemberInput(string? Email, string? Role);

internal static class MembersEndpoints
{
    public static void MapMembersEndpoints(this RouteGroupBuilder organization)
    {
        var members = organization.MapGroup("/members").WithTags("Members and tokens");

        members.MapGet("/", async (int? page, int? pageSize, ListMembersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Members and their roles.");

        members.MapPut("/", async (Guid orgId, MemberInput input, AddMemberHandler handler, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(input.Email) || !Enum.TryParse<OrganizationRole>(input.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
                {
                    throw new InvalidInputException("Send the member's e-mail and a role: Owner, Manager, Contributor, Auditor or Viewer.");
                }

                var membership = await handler.HandleAsync(new AddMemberRequest(orgId, input.Email, role), ct);
                return TypedResults.Ok(new { membership.UserId, Role = membership.Role.ToString() });
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Add an existing account as a member, or change its role (the last owner keeps the role).");

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
