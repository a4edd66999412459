using Harmonia.App.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Harmonia.Web.Platform;

/// <summary>The same permission checks as the API, for browser pages signed in with the Identity cookie.</summary>
internal static class PagePolicies
{
    public const string Read = "page:" + nameof(Permission.Read);
    public const string ReadAuditTrail = "page:" + nameof(Permission.ReadAuditTrail);
    public const string Edit = "page:" + nameof(Permission.Edit);
    public const string Delete = "page:" + nameof(Permission.Delete);
    public const string Engage = "page:" + nameof(Permission.Engage);

    /// <summary>Owners only: members, invitations, sign-in settings.</summary>
    public const string ManageMembers = "page:" + nameof(Permission.ManageMembers);

    /// <summary>Owners and Managers: the roles that may approve also see everyone's work (the overdue list).</summary>
    public const string Approve = "page:" + nameof(Permission.Approve);

    public static void AddPagePolicies(this AuthorizationOptions options)
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            options.AddPolicy("page:" + permission, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new OrganizationPermissionRequirement(permission)));
        }
    }
}
