using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Harmonia.App.Features.Work;

/// <summary>How feed secrets look and are stored: "hc_" + 32 random bytes (256 bits), kept only as a SHA-256 hash.</summary>
public static class CalendarFeedToken
{
    public const string Prefix = "hc_";

    /// <summary>Anything longer is not one of ours and is refused before hashing.</summary>
    public const int MaxLength = 64;

    public static string New() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool LooksValid(string? token) => token is { Length: > 3 and <= MaxLength } && token.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The address a calendar application subscribes to (site-relative).</summary>
    public static string Path(string token) => $"/calendar/{token}.ics";
}
