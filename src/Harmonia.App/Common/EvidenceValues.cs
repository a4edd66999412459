namespace Harmonia.App.Common;

/// <summary>The checks evidence input gets wherever it comes from (API, page, organization file).</summary>
public static class EvidenceValues
{
    public const int MaxTitleLength = 500;

    public static bool IsWebAddress(string value) =>
        value.Length <= 2000
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public static bool IsSha256(string value) => value.Length == 64 && value.All(Uri.IsHexDigit);
}
