using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

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
        if (settings.HttpsOnly)
        {
            builder.Services.AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromDays(365);
                o.IncludeSubDomains = true;
            });
        }

        // The framework's default marks the antiforgery cookie secure never; it follows the request like the sign-in cookie.
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = settings.HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);

        return settings;
    }

    /// <summary>First in the pipeline: the client address and scheme are settled before anything reads them.</summary>
    public static void UseWebHygiene(this WebApplication app, WebHygieneSettings settings)
    {
        if (settings.BehindProxy)
        {
            app.UseForwardedHeaders();
        }

        if (settings.HttpsOnly)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
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
