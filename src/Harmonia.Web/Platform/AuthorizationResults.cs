using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Harmonia.Web.Platform;

/// <summary>
/// Turns "not a member of that organization" into 404 and every other refusal into problem details. Every refusal of
/// a signed-in caller is logged (who, what, why): a run of them is how probing for other tenants' ids shows up.
/// </summary>
internal sealed partial class AuthorizationResults(ILogger<AuthorizationResults> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            Refused(
                logger,
                context.User.Identity?.Name ?? "unknown",
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                string.Join("; ", authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message) ?? []));
        }

        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            // Pages: strangers are sent to sign in; a foreign organization is simply not found.
            if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Message == OrganizationAuthorizationHandler.NotFoundReason) == true)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Message == OrganizationAuthorizationHandler.SingleSignOnRequiredReason) == true)
            {
                context.Response.Redirect(Features.Accounts.SingleSignOn.RefusedPath + "?reason=passwords-off");
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

        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Message == OrganizationAuthorizationHandler.SingleSignOnRequiredReason) == true)
        {
            await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "This organization accepts only sign-in through its identity provider.");
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

    [LoggerMessage(EventId = 4030, Level = LogLevel.Warning, Message = "Authorization refused: {User} {Method} {Path} from {Address}: {Reason}")]
    private static partial void Refused(ILogger logger, string user, string method, string path, string address, string reason);
}
