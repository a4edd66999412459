using System.Security.Cryptography;
using System.Text.Json;
using Harmonia.App.Features.Pages;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.Web.Platform;

/// <summary>
/// The outcome of the last form post, for the page the browser is sent back to (ADR 0023): the message, the message per
/// field and what was typed. It lives on the server, named by a random cookie, and is read once; nothing of it travels
/// in the address, so nobody can craft a link that makes a page say something official.
/// </summary>
public sealed record FormFlash(
    string? Error,
    string? Saved,
    IReadOnlyDictionary<string, string[]> FieldErrors,
    IReadOnlyDictionary<string, string[]> Values)
{
    public static FormFlash Empty { get; } = new(null, null, new Dictionary<string, string[]>(), new Dictionary<string, string[]>());

    public bool HasFieldErrors => FieldErrors.Count > 0;

    /// <summary>What was typed into <paramref name="field"/>, or <paramref name="fallback"/> on a fresh form.</summary>
    public string? Value(string field, string? fallback = null) => Values.TryGetValue(field, out var v) ? v.FirstOrDefault() : fallback;

    /// <summary>Whether <paramref name="value"/> was among the choices of <paramref name="field"/> (check boxes, multiple selects).</summary>
    public bool Chosen(string field, string value, bool fallback = false) =>
        Values.TryGetValue(field, out var v) ? v.Contains(value, StringComparer.Ordinal) : fallback;

    public string? FieldError(string field) => FieldErrors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;
}

/// <summary>
/// Keeps flashes between a form post and the page it redirects to: two minutes in the database (any web node may serve
/// the next page), bound to the person and the page, read once; expired ones are swept by the next write.
/// </summary>
internal static class FormFlashStore
{
    public const string Cookie = "harmonia-flash";
    private const int MaxValueLength = 20_000;
    private const string EnhancedRedirect = "blazor-enhanced-nav-redirect-location";

    // Past this, what was typed is dropped and only the messages are kept: the store must not grow with a hostile form.
    private const int MaxJsonCharacters = 512 * 1024;
    private static readonly TimeSpan Life = TimeSpan.FromMinutes(2);
    private static readonly object PendingKey = new();

    /// <summary>
    /// Whether a posted field is a secret that is never kept, whatever form posts it: the antiforgery token and a
    /// passphrase or password typed to confirm an action (a form asks for it again rather than filling it in).
    /// </summary>
    public static bool IsSecret(string field) =>
        field == "__RequestVerificationToken"
        || field.EndsWith("passphrase", StringComparison.OrdinalIgnoreCase)
        || field.EndsWith("password", StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds to what the response being written will leave for the next page.</summary>
    public static void Stage(HttpContext context, string? error = null, string? saved = null, IReadOnlyDictionary<string, string[]>? fieldErrors = null, IFormCollection? form = null)
    {
        var current = context.Items[PendingKey] as FormFlash ?? FormFlash.Empty;
        var values = form is null
            ? current.Values
            : form.Where(f => !IsSecret(f.Key))
                .ToDictionary(f => f.Key, f => f.Value.OfType<string>().Select(v => v.Length > MaxValueLength ? v[..MaxValueLength] : v).ToArray(), StringComparer.Ordinal);
        context.Items[PendingKey] = new FormFlash(
            error ?? current.Error,
            error is null ? saved ?? current.Saved : null,
            fieldErrors ?? current.FieldErrors,
            values);
    }

    /// <summary>
    /// Runs for every request: takes the flash left for this page, and when the response redirects with an outcome in
    /// the address (the pages' older habit), moves it off the address into the flash.
    /// </summary>
    public static IApplicationBuilder UseFormFlash(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Cookies[Cookie] is { Length: 32 } id && id.All(char.IsAsciiHexDigit)
            && await TakeAsync(context, id) is { } flash)
        {
            context.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
            context.Items[typeof(FormFlash)] = flash;
        }

        context.Response.OnStarting(async () =>
        {
            var pending = context.Items[PendingKey] as FormFlash;

            // A Blazor form posted with enhanced navigation is not answered with a 3xx: the address to go to comes in a
            // header of a 200, and the browser script follows it. Both carry the same outcome.
            var redirect = context.Response.StatusCode is >= 300 and < 400;
            var header = redirect ? "Location" : EnhancedRedirect;
            if (context.Response.Headers[header].ToString() is not { Length: > 0 } location)
            {
                return;
            }

            // Blazor's NavigateTo sends an absolute address of this site: the flash is bound to its path.
            if (Uri.TryCreate(location, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
                && string.Equals(absolute.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
            {
                location = absolute.PathAndQuery + absolute.Fragment;
            }

            var hash = location.IndexOf('#', StringComparison.Ordinal);
            var fragment = hash >= 0 ? location[hash..] : string.Empty;
            var (path, query, error, saved) = Split(hash >= 0 ? location[..hash] : location);
            if (error is not null || saved is not null)
            {
                Stage(context, error, saved);
                pending = context.Items[PendingKey] as FormFlash;
                // A fixed word, never shown, so scripts and tests still tell a refusal from a success by the address.
                var outcome = "outcome=" + (error is not null ? "refused" : "saved");
                context.Response.Headers[header] = (query.Length > 0 ? $"{path}?{query}&{outcome}" : $"{path}?{outcome}") + fragment;
            }

            if (pending is not null && path.StartsWith('/'))
            {
                var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                await KeepAsync(context, key, path, pending);
                context.Response.Cookies.Append(Cookie, key, new CookieOptions
                {
                    HttpOnly = true,
                    Secure = context.Request.IsHttps,
                    SameSite = SameSiteMode.Lax,
                    Path = "/",
                    MaxAge = Life,
                });
            }
        });

        await next(context);
    });

    // Its own database context: the request's may hold changes of a refused use case, which must never be saved.
    private static async Task KeepAsync(HttpContext context, string id, string path, FormFlash flash)
    {
        var json = JsonSerializer.Serialize(flash);
        if (json.Length > MaxJsonCharacters)
        {
            json = JsonSerializer.Serialize(flash with { Values = new Dictionary<string, string[]>() });
        }

        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await db.PendingFormOutcomes.Where(p => p.ExpiresUtc < now).ExecuteDeleteAsync();
        // Compared later with the request's path, which arrives decoded (a requirement id's ':' is %3A in an address).
        path = Uri.UnescapeDataString(path);
        db.PendingFormOutcomes.Add(new PendingFormOutcome { Id = id, UserName = context.User.Identity?.Name ?? string.Empty, Path = path.Length > 2048 ? path[..2048] : path, Json = json, ExpiresUtc = now + Life });
        await db.SaveChangesAsync();
    }

    private static async Task<FormFlash?> TakeAsync(HttpContext context, string id)
    {
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var user = context.User.Identity?.Name ?? string.Empty;
        var row = await db.PendingFormOutcomes.SingleOrDefaultAsync(p => p.Id == id);
        if (row is null || row.UserName != user || row.ExpiresUtc <= now || !string.Equals(row.Path, context.Request.Path.Value, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Read once: a second node racing for the same row deletes nothing and shows nothing.
        if (await db.PendingFormOutcomes.Where(p => p.Id == id).ExecuteDeleteAsync() == 0)
        {
            return null;
        }

        return JsonSerializer.Deserialize<FormFlash>(row.Json);
    }

    /// <summary>The flash this request took, or the empty one.</summary>
    public static FormFlash Current(HttpContext? context) => context?.Items[typeof(FormFlash)] as FormFlash ?? FormFlash.Empty;

    private static (string Path, string Query, string? Error, string? Saved) Split(string location)
    {
        var parts = location.Split('?', 2);
        if (parts.Length < 2)
        {
            return (parts[0], string.Empty, null, null);
        }

        string? error = null, saved = null;
        var kept = new List<string>();
        foreach (var pair in parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : string.Empty;
            switch (name)
            {
                case "error":
                    error = value;
                    break;
                case "saved":
                    saved = value;
                    break;
                default:
                    if (name != "outcome")
                    {
                        kept.Add(pair);
                    }

                    break;
            }
        }

        return (parts[0], string.Join('&', kept), error, saved);
    }
}
