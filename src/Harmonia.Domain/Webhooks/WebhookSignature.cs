using System.Security.Cryptography;
using System.Text;

namespace Harmonia.Domain.Webhooks;

/// <summary>
/// Signing in the Standard Webhooks format: an HMAC-SHA256 over "{message id}.{unix seconds}.{body}" with the
/// endpoint's secret, sent as "v1,{base64}" in the webhook-signature header. The secret is shown as "whsec_{base64}".
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new random secret of 24 bytes (the spec asks for 24 to 64), in its shown form.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    public static string Sign(string secret, string messageId, long unixSeconds, string body)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("A webhook secret starts with whsec_.", nameof(secret));
        }

        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{unixSeconds}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
