namespace Harmonia.Web.Platform;

/// <summary>Headers every response carries. Pages run no inline script; the API reference at /docs is the one exception.</summary>
internal static class SecurityHeaders
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private const string DocsCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <param name="signInTargets">
    /// The origins of the single sign-on providers (ADR 0034): the sign-in page's provider buttons post a form whose answer
    /// redirects there, which form-action 'self' alone would stop. Only the sign-in page allows them.
    /// </param>
    /// <param name="signOutTarget">
    /// The origin the sign-out form of this request's session redirects to (its provider's, when the session was begun
    /// through one that is also signed out of), or null. Every page carries the sign-out form, so pages of such a session
    /// allow that one origin too.
    /// </param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IEnumerable<string> signInTargets, Func<HttpContext, string?> signOutTarget)
    {
        var origins = string.Join(' ', signInTargets.Distinct(StringComparer.Ordinal));
        var signInCsp = origins.Length == 0 ? Csp : Csp.Replace("form-action 'self'", "form-action 'self' " + origins, StringComparison.Ordinal);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") ? DocsCsp
                    : context.Request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase) ? signInCsp
                    : signOutTarget(context) is { } target ? Csp.Replace("form-action 'self'", "form-action 'self' " + target, StringComparison.Ordinal)
                    : Csp;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";

                // Everything Harmonia writes as text is UTF-8; saying so keeps a browser from guessing another encoding
                // (ASVS 4.1.1). Static files and plain file results name the type alone.
                if (context.Response.ContentType is { } type && type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                    && !type.Contains("charset", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.ContentType = type + "; charset=utf-8";
                }

                // API answers, pages and downloads carry one organization's data: no shared or browser cache may keep
                // them. Static assets set their own caching and keep it.
                if (!headers.ContainsKey("Cache-Control"))
                {
                    headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
