using System.Threading.RateLimiting;

namespace Harmonia.Web.Platform;

/// <summary>
/// Password guessing is slowed per client address: at most 20 sign-in, second-step and sign-up form posts a minute (on top of Identity's
/// lockout of an account after 5 failures). Supplier questionnaire links, which need no account, are limited too: at most
/// 60 requests a minute per client address, page views included, so a link cannot be guessed at speed or hammered.
/// Everything else is not limited here.
/// </summary>
internal static class SignInRateLimit
{
    public const int PermitsPerMinute = 20;

    public const int QuestionnaireLinkPermitsPerMinute = 60;

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (context.Request.Path.StartsWithSegments(Features.Suppliers.SupplierLinkEndpoints.Prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetFixedWindowLimiter(
                        "questionnaire-link " + client,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = QuestionnaireLinkPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
                }

                return HttpMethods.IsPost(context.Request.Method) && IsLimited(context.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        client,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("other");
            });
        });

    /// <summary>By path segment, so "/signup/", "/SIGNUP" or "/signin/2fa" share the limit of the route they reach.</summary>
    private static bool IsLimited(PathString path) =>
        path.StartsWithSegments("/signin", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/signup", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/setup", StringComparison.OrdinalIgnoreCase);
}
