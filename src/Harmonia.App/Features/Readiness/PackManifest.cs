using System.Security.Cryptography;
using System.Text.Json;

namespace Harmonia.App.Features.Readiness;

public sealed record PackEntry(string Path, string Sha256, long Bytes);

/// <summary>
/// What the pack holds: every file with its SHA-256, who it is for and when it was made, and the public key that
/// verifies <c>manifest.sig</c> (ECDSA P-256 over the exact bytes of manifest.json). The key fingerprint is shown in
/// Harmonia, so a certification body can check the pack came from the organization and not only that it is intact.
/// </summary>
public sealed record PackManifest(string Organization, DateTime CreatedUtc, string PublicKey, string KeyFingerprint, IReadOnlyList<PackEntry> Files)
{
    public const string ManifestPath = "manifest.json";
    public const string SignaturePath = "manifest.sig";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static PackManifest? Read(byte[] bytes) => JsonSerializer.Deserialize<PackManifest>(bytes, Json);

    public static string Fingerprint(byte[] publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey))[..32];

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
