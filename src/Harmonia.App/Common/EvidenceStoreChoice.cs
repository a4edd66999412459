using System.Globalization;

namespace Harmonia.App.Common;

/// <summary>Which store keeps evidence files (Evidence:Store, local by default) and how to reach the S3 one.</summary>
/// <param name="S3">The S3 settings when Evidence:S3:Bucket is set, whichever store is in use: `evidence migrate` needs them before the switch.</param>
public sealed record EvidenceStoreChoice(bool UseS3, S3EvidenceSettings? S3)
{
    public static EvidenceStoreChoice Local { get; } = new(false, null);

    /// <summary>Reads the settings by their configuration names (Evidence:Store, Evidence:S3:Bucket…).</summary>
    /// <exception cref="InvalidInputException">A value that cannot be used; the message names the setting.</exception>
    public static EvidenceStoreChoice From(Func<string, string?> setting)
    {
        var store = setting("Evidence:Store")?.Trim().ToLowerInvariant();
        if (store is not (null or "" or "local" or "s3"))
        {
            throw new InvalidInputException($"Evidence:Store is '{store}'; it is local or s3.");
        }

        var s3 = S3EvidenceSettings.From(setting);
        if (store == "s3" && s3 is null)
        {
            throw new InvalidInputException("Evidence:Store is s3 but Evidence:S3:Bucket is not set.");
        }

        return new EvidenceStoreChoice(store == "s3", s3);
    }

    /// <summary>The store these settings choose.</summary>
    public IEvidenceStore Create(EvidenceStoreSettings settings) => UseS3 ? new S3EvidenceStore(S3!, settings) : new LocalEvidenceStore(settings);
}

/// <summary>An S3-compatible bucket (Evidence:S3:*).</summary>
/// <param name="ServiceUrl">The endpoint of an S3-compatible server; none for AWS itself (then <paramref name="Region"/> picks the endpoint).</param>
/// <param name="PresignedDownloadMinutes">Above 0, downloads redirect to an address valid this long; 0 streams through the application.</param>
/// <param name="MultipartThresholdBytes">Files larger than this go up in parts of this size.</param>
public sealed record S3EvidenceSettings(
    Uri? ServiceUrl, string Bucket, string Region, bool ForcePathStyle, string? AccessKey, string? SecretKey, int PresignedDownloadMinutes, long MultipartThresholdBytes = S3EvidenceSettings.DefaultMultipartThresholdBytes)
{
    public const long DefaultMultipartThresholdBytes = 8L * 1024 * 1024;

    // SigV4 presigned addresses live at most seven days.
    public const int MaxPresignedDownloadMinutes = 7 * 24 * 60;

    public static S3EvidenceSettings? From(Func<string, string?> setting)
    {
        var bucket = setting("Evidence:S3:Bucket")?.Trim();
        if (string.IsNullOrEmpty(bucket))
        {
            return null;
        }

        Uri? serviceUrl = null;
        if (setting("Evidence:S3:ServiceUrl") is { Length: > 0 } url
            && (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out serviceUrl) || serviceUrl.Scheme is not ("http" or "https")))
        {
            throw new InvalidInputException($"Evidence:S3:ServiceUrl '{url}' is not an http or https address.");
        }

        var pathStyle = setting("Evidence:S3:ForcePathStyle") is { Length: > 0 } style
            ? bool.TryParse(style, out var parsed) ? parsed : throw new InvalidInputException($"Evidence:S3:ForcePathStyle is '{style}'; it is true or false.")
            : true;
        var minutes = setting("Evidence:S3:PresignedDownloadMinutes") is { Length: > 0 } m
            ? int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxPresignedDownloadMinutes
                ? n
                : throw new InvalidInputException($"Evidence:S3:PresignedDownloadMinutes is '{m}'; it is a whole number from 0 (stream downloads) to {MaxPresignedDownloadMinutes}.")
            : 0;
        var accessKey = setting("Evidence:S3:AccessKey") is { Length: > 0 } a ? a : null;
        var secretKey = setting("Evidence:S3:SecretKey") is { Length: > 0 } s ? s : null;
        if ((accessKey is null) != (secretKey is null))
        {
            throw new InvalidInputException("Evidence:S3:AccessKey and Evidence:S3:SecretKey go together: set both, or neither to use the SDK's own credential sources.");
        }

        return new S3EvidenceSettings(serviceUrl, bucket, setting("Evidence:S3:Region") is { Length: > 0 } region ? region.Trim() : "us-east-1", pathStyle, accessKey, secretKey, minutes);
    }

    /// <summary>Where the bucket is, for messages: never the credentials.</summary>
    public string Describe() => $"bucket '{Bucket}' at {ServiceUrl?.GetLeftPart(UriPartial.Authority) ?? "AWS " + Region}";
}
