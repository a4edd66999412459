namespace Harmonia.Web.Platform;

/// <summary>Headers every response carries. Pages run no inline script; the API reference at /docs is the one exception.</summary>
internal static class SecurityHeaders
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private const string DocsCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") ? DocsCsp : Csp;
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
