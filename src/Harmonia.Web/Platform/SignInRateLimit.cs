using System.Threading.RateLimiting;

namespace Harmonia.Web.Platform;

/// <summary>
/// Password guessing is slowed per client address: at most 20 sign-in, second-step and sign-up form posts a minute (on top of Identity's
/// lockout of an account after 5 failures). Page views and everything else are not limited here.
/// </summary>
internal static class SignInRateLimit
{
    public const int PermitsPerMinute = 20;

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && IsLimited(context.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("other"));
        });

    /// <summary>By path segment, so "/signup/", "/SIGNUP" or "/signin/2fa" share the limit of the route they reach.</summary>
    private static bool IsLimited(PathString path) =>
        path.StartsWithSegments("/signin", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/signup", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/setup", StringComparison.OrdinalIgnoreCase);
}
