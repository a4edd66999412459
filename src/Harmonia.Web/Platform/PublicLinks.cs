namespace Harmonia.Web.Platform;

/// <summary>
/// Absolute links a person hands to someone else (passphrase reset, invitation). Built from <c>App:PublicUrl</c> when it
/// is set, because behind a proxy the request's own host may be an internal name; otherwise from the request.
/// </summary>
internal static class PublicLinks
{
    public const string Setting = "App:PublicUrl";

    public static string Absolute(HttpContext http, string path)
    {
        var configured = Parse(http.RequestServices.GetRequiredService<IConfiguration>()[Setting]);
        return configured is null
            ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{path}"
            : configured.GetLeftPart(UriPartial.Path).TrimEnd('/') + path;
    }

    /// <summary>Called at start, so a mistyped setting stops the server instead of producing broken links later.</summary>
    public static void Validate(IConfiguration configuration) => Parse(configuration[Setting]);

    private static Uri? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException($"{Setting} must be an absolute http or https address without query or fragment, like https://harmonia.example.org; it is '{value}'.");
        }

        return uri;
    }
}
