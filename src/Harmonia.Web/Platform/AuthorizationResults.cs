using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Harmonia.Web.Platform;

/// <summary>Turns "not a member of that organization" into 404 and every other refusal into problem details.</summary>
internal sealed class AuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            // Pages: strangers are sent to sign in; a foreign organization is simply not found.
            if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Message == OrganizationAuthorizationHandler.NotFoundReason) == true)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Message == OrganizationAuthorizationHandler.NotFoundReason) == true)
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Not found", "There is no such organization, or you are not a member of it.");
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message ?? "Your role does not allow this.";
            await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", reason);
            return;
        }

        if (authorizeResult.Challenged)
        {
            await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", "Send a personal access token: Authorization: Bearer hm_...");
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
