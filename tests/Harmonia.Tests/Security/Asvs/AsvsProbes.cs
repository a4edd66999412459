using System.Collections.Concurrent;
using System.Net;
using Harmonia.App.Persistence;
using Harmonia.Tests.Accounts;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harmonia.Tests.Security.Asvs;

/// <summary>What the ASVS chapter tests share: a TLS-only deployment, the answers of every kind of response, a log collector.</summary>
internal static class AsvsProbes
{
    /// <summary>The public address of a TLS-only deployment; the test server answers it as HTTPS.</summary>
    public static readonly Uri Tls = new("https://harmonia.example");

    /// <summary>The same host reached over plain HTTP.</summary>
    public static readonly Uri PlainHttp = new("http://harmonia.example");

    public static Dictionary<string, string> TlsOnly() => new()
    {
        ["Security:HttpsOnly"] = "true",
        ["HTTPS_PORT"] = "443",
        ["AllowedHosts"] = "harmonia.example",
    };

    public static Task<ApiHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) =>
        ApiHost.StartAsync(DatabaseProvider.Sqlite, settings, services: services);

    /// <summary>
    /// One response of each kind the server gives: a page, a missing page, the stylesheet, health, an API refusal, an
    /// API answer and a problem for a missing record.
    /// </summary>
    public static async Task<List<(string What, HttpResponseMessage Response)>> EveryKindOfResponseAsync(ApiHost host, HttpClient client)
    {
        var token = host.TokensA[Harmonia.App.Features.Accounts.OrganizationRole.Viewer];
        var api = $"/api/orgs/{host.OrganizationA}";
        var page = await client.GetAsync(new Uri("/signin", UriKind.Relative));
        var stylesheet = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "href=\"(/app\\.[^\"]+\\.css)\"").Groups[1].Value;
        Assert.NotEqual(string.Empty, stylesheet);
        var answers = new List<(string, HttpResponseMessage)>
        {
            ("page", page),
            ("missing page", await client.GetAsync(new Uri("/no-such-page", UriKind.Relative))),
            ("stylesheet", await client.GetAsync(new Uri(stylesheet, UriKind.Relative))),
            ("health", await client.GetAsync(new Uri("/health", UriKind.Relative))),
            ("api without token", await client.GetAsync(new Uri($"{api}/controls", UriKind.Relative))),
        };
        answers.Add(("api answer", await SendAsync(client, HttpMethod.Get, $"{api}/controls", token)));
        answers.Add(("api problem", await SendAsync(client, HttpMethod.Get, $"{api}/controls/{Guid.NewGuid()}", token)));
        return answers;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? token = null, Action<HttpRequestMessage>? adjust = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        adjust?.Invoke(request);
        return await client.SendAsync(request);
    }

    /// <summary>Signs in through the real form and returns every Set-Cookie the server sent on the way.</summary>
    public static async Task<List<string>> SignInCookiesAsync(HttpClient client, string email = "manager@a.example")
    {
        var cookies = new List<string>();
        using var form = await client.GetAsync(new Uri("/signin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        cookies.AddRange(form.Headers.TryGetValues("Set-Cookie", out var first) ? first : []);
        var fields = ApiHost.HiddenFields(await form.Content.ReadAsStringAsync());
        fields["Input.Email"] = email;
        fields["Input.Password"] = "a long enough passphrase";
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/signin", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        cookies.AddRange(signedIn.Headers.TryGetValues("Set-Cookie", out var second) ? second : []);
        return cookies;
    }

    /// <summary>The attributes of a Set-Cookie header, lower case, without values (except samesite).</summary>
    public static string[] Attributes(string setCookie) =>
        setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToArray();

    /// <summary>The pages a signed-in member moves through.</summary>
    public static string[] SignedInPages(ApiHost host) =>
    [
        "/orgs",
        $"/orgs/{host.OrganizationA}",
        $"/orgs/{host.OrganizationA}/controls",
        $"/orgs/{host.OrganizationA}/risks",
        $"/orgs/{host.OrganizationA}/settings",
        "/account/security-activity",
        "/account/passphrase",
    ];

    public static async Task<string> PageAsync(Browser browser, string url) => await browser.GetStringAsync(url);
}

/// <summary>Keeps every log entry the app writes, to check what a security event leaves behind.</summary>
internal sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((category, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>A clock that can be told to fail: the simplest way to make any request meet an unexpected error.</summary>
internal sealed class FailingClock : TimeProvider
{
    public const string Secret = "connection to db-internal-7 failed with Password=hunter2";

    private volatile bool _fail;

    public void FailFromNowOn() => _fail = true;

    public override DateTimeOffset GetUtcNow() => _fail ? throw new InvalidOperationException(Secret) : base.GetUtcNow();
}

/// <summary>A clock the test moves forward, to see what a session does hours later.</summary>
internal sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
