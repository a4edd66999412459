using Harmonia.App.Features.Accounts;

namespace Harmonia.Web.Components.Shared;

/// <summary>
/// Whether the signed-in member's role allows something, to decide which forms a page shows. The form posts
/// themselves are checked again by their endpoint's policy: hiding a button is courtesy, not security.
/// </summary>
internal static class PageAccess
{
    public static bool Allows(HttpContext context, Permission permission) =>
        context.Items[typeof(OrganizationRole)] is OrganizationRole role && role.Allows(permission);
}
