using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace Harmonia.Web.Platform;

/// <summary>
/// Deployment settings that decide what the app trusts about a request: which proxies may speak for the client
/// (forwarded headers), whether it runs behind TLS only (secure cookies, HTTPS redirection, HSTS) and whether the API
/// description is public.
/// </summary>
internal sealed record WebHygieneSettings(IReadOnlyList<IPAddress> KnownProxies, IReadOnlyList<System.Net.IPNetwork> KnownNetworks, bool HttpsOnly, bool PublishApiDocs)
{
    public static WebHygieneSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var proxies = configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        return new WebHygieneSettings(
            proxies.Select(p => IPAddress.TryParse(p, out var address) ? address : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{p}' is not an IP address.")).ToArray(),
            networks.Select(n => System.Net.IPNetwork.TryParse(n, out var network) ? network : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: '{n}' is not a network such as 10.0.0.0/8.")).ToArray(),
            configuration.GetValue("Security:HttpsOnly", false),
            configuration.GetValue("Api:PublishDocs", environment.IsDevelopment()));
    }

    public bool BehindProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

internal static partial class WebHygiene
{
    /// <summary>The cookie name prefix browsers accept only for secure, host-only cookies with path /.</summary>
    public const string HostCookiePrefix = "__Host-";

    /// <summary>A year, for this host and every subdomain.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static WebHygieneSettings AddWebHygiene(this WebApplicationBuilder builder)
    {
        var settings = WebHygieneSettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Only the configured proxies may speak for the client; the framework's default (loopback) is dropped so
            // that nothing is trusted unless a deployment says so.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in settings.KnownNetworks)
            {
                o.KnownIPNetworks.Add(network);
            }

            o.ForwardLimit = 1;
        });
        // The framework's default marks the antiforgery cookie secure never; it follows the request like the sign-in cookie.
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = settings.HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            if (settings.HttpsOnly)
            {
                o.Cookie.Name = HostCookiePrefix + "Harmonia.Antiforgery";
            }
        });
        if (settings.HttpsOnly)
        {
            // Behind TLS every cookie is host-only: with the __Host- prefix a browser accepts it only when it is secure,
            // has path / and no domain, so a neighbouring subdomain can neither set nor overwrite it (ASVS 3.3.1, 3.3.3).
            // Over plain HTTP a browser would drop such cookies, so development keeps the framework's names. Post-configured,
            // because Identity names its own cookies when it registers them, after this runs.
            foreach (var (scheme, name) in new[]
            {
                (IdentityConstants.ApplicationScheme, "Harmonia.Session"),
                (IdentityConstants.TwoFactorUserIdScheme, "Harmonia.TwoFactorUser"),
                (IdentityConstants.TwoFactorRememberMeScheme, "Harmonia.TwoFactorRemember"),
            })
            {
                builder.Services.PostConfigure<CookieAuthenticationOptions>(scheme, o =>
                {
                    o.Cookie.Name = HostCookiePrefix + name;
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    o.Cookie.Path = "/";
                    o.Cookie.Domain = null;
                });
            }
        }

        return settings;
    }

    /// <summary>First in the pipeline: the client address and scheme are settled before anything reads them.</summary>
    public static void UseWebHygiene(this WebApplication app, WebHygieneSettings settings)
    {
        // TRACE echoes a request back (cookies and tokens included) and nothing here needs it (ASVS 13.4.4).
        app.Use((context, next) =>
        {
            if (HttpMethods.IsTrace(context.Request.Method) || string.Equals(context.Request.Method, "TRACK", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return Task.CompletedTask;
            }

            return next(context);
        });

        if (settings.BehindProxy)
        {
            app.UseForwardedHeaders();
        }

        if (settings.HttpsOnly)
        {
            // Added as the answer starts rather than before it (as UseHsts does): the exception handler clears headers
            // set earlier, and a problem answer must carry HSTS like any other (ASVS 3.4.1).
            app.Use((context, next) =>
            {
                if (context.Request.IsHttps)
                {
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers.StrictTransportSecurity = StrictTransportSecurity;
                        return Task.CompletedTask;
                    });
                }

                return next(context);
            });

            // People's browsers are redirected to HTTPS; API clients are not: a silent redirect would hide that a client
            // sends its token in clear, so the API refuses plain HTTP and says so (ASVS 4.1.2).
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), branch => branch.UseHttpsRedirection());
            app.Use((context, next) => context.Request.IsHttps || !context.Request.Path.StartsWithSegments("/api")
                ? next(context)
                : Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "HTTPS required", "This server answers its API over HTTPS only; the request was not processed. If it carried a token, that token travelled unencrypted: revoke it and create a new one."));
        }
        else if (!app.Environment.IsDevelopment() && PlainHttpBeyondLoopback(app.Configuration["Urls"]))
        {
            PlainHttpWarning(app.Logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Harmonia serves plain HTTP on an address other than loopback: sign-in cookies travel unencrypted. Put it behind TLS and set Security:HttpsOnly=true (and ReverseProxy:KnownProxies for the proxy).")]
    private static partial void PlainHttpWarning(ILogger logger);

    private static bool PlainHttpBeyondLoopback(string? urls) =>
        (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            .Select(u => Uri.TryCreate(u.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .Any(uri => uri is not null && !uri.IsLoopback);
}
