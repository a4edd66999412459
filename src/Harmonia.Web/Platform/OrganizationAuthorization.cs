using System.Security.Claims;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.Web.Platform;

/// <summary>The permission an organization-scoped endpoint needs; the organization comes from the route's {orgId}.</summary>
internal sealed class OrganizationPermissionRequirement(Permission permission) : IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;

    public static string PolicyName(Permission permission) => "org:" + permission;
}

/// <summary>
/// The one place that decides access to organization data (DESIGN.md "Tenant scope comes from the route"): no
/// {orgId} in the route fails; a caller who is not a member — or whose token is for another organization —
/// gets 404 as if the organization did not exist; a member without the permission gets 403. On success the
/// request's <see cref="TenantScope"/> is set, which the query filter and insert stamping then enforce.
/// </summary>
internal sealed class OrganizationAuthorizationHandler(HarmoniaDbContext db, TenantScope tenant, TimeProvider time, Features.Accounts.SingleSignOnProviders providers)
    : AuthorizationHandler<OrganizationPermissionRequirement>
{
    public const string NotFoundReason = "not-a-member";

    /// <summary>A passphrase session of a member who is not an Owner, in an organization with local passphrases off (ADR 0034).</summary>
    public const string SingleSignOnRequiredReason = "single-sign-on-required";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganizationPermissionRequirement requirement)
    {
        if (context.Resource is not HttpContext http
            || http.GetRouteValue("orgId") is not string routeValue
            || !Guid.TryParse(routeValue, out var organizationId)
            || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            context.Fail(new AuthorizationFailureReason(this, NotFoundReason));
            return;
        }

        var tokenOrganization = context.User.FindFirstValue(AccessTokenAuthentication.OrganizationClaim);
        if (tokenOrganization is not null && tokenOrganization != organizationId.ToString())
        {
            context.Fail(new AuthorizationFailureReason(this, NotFoundReason));
            return;
        }

        // A session through a provider tied to one organization (a client's own identity provider) opens that one only.
        var provider = tokenOrganization is null ? Features.Accounts.SingleSignOn.ProviderOf(context.User) : null;
        if (provider is not null && providers.ByScheme(provider)?.Organization is { } tied && tied != organizationId)
        {
            context.Fail(new AuthorizationFailureReason(this, NotFoundReason));
            return;
        }

        // A token's holder: the role was read with the token, in this request. Tokens are not sessions, so local
        // passphrases being off does not concern them.
        var member = tokenOrganization is not null && http.Items[typeof(TokenIdentity)] is TokenIdentity token && token.OrganizationId == organizationId && token.UserId == userId
            ? (token.Role is { } tokenRole ? new { Role = tokenRole, PasswordsOff = false } : null)
            : await db.Memberships.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
                .Where(m => m.OrganizationId == organizationId && m.UserId == userId)
                .Select(m => new { m.Role, PasswordsOff = db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.LocalPasswordsOff).FirstOrDefault() })
                .SingleOrDefaultAsync(http.RequestAborted);
        OrganizationRole? role = member?.Role;
        if (member is null || role is null)
        {
            context.Fail(new AuthorizationFailureReason(this, NotFoundReason));
            return;
        }

        // Local passphrases off: a browser session begun with a passphrase opens the organization only for an Owner
        // (break-glass, recorded at each such sign-in). Tokens are not sessions and are governed by their own rules.
        if (member.PasswordsOff && tokenOrganization is null && provider is null && role != OrganizationRole.Owner)
        {
            context.Fail(new AuthorizationFailureReason(this, SingleSignOnRequiredReason));
            return;
        }

        // An external auditor is a member only while one of their engagements is open (ADR 0019): before its first
        // day, after its last, or once closed, the organization does not exist for them, whatever the route.
        if (role == OrganizationRole.ExternalAuditor)
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var open = await db.Engagements.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
                .AnyAsync(e => e.OrganizationId == organizationId && e.ClosedUtc == null && e.StartsOn <= today && e.EndsOn >= today
                    && db.Users.Any(u => u.Id == userId && u.NormalizedEmail == e.NormalizedAuditorEmail), http.RequestAborted);
            if (!open)
            {
                context.Fail(new AuthorizationFailureReason(this, NotFoundReason));
                return;
            }
        }

        if (!role.Value.Allows(requirement.Permission))
        {
            context.Fail(new AuthorizationFailureReason(this, $"The {role} role does not allow {requirement.Permission}."));
            return;
        }

        tenant.Enter(organizationId);
        http.Items[typeof(OrganizationRole)] = role.Value;
        context.Succeed(requirement);
    }
}
