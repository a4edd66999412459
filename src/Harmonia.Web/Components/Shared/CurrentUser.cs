using System.Security.Claims;

namespace Harmonia.Web.Components.Shared;

internal static class CurrentUser
{
    public static Guid Id(HttpContext context) => Guid.Parse(context.User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
