namespace Harmonia.App.Common;

/// <summary>A file now in the evidence store.</summary>
/// <param name="Sha256">Lower-case hex; the file's address in the store.</param>
/// <param name="FileName">The client's name, sanitised; only ever shown and offered as a download name.</param>
/// <param name="ContentType">Sniffed from the content.</param>
public sealed record StoredFile(string Sha256, long SizeBytes, string FileName, string ContentType);

/// <summary>The upload was larger than the configured limit; nothing was stored.</summary>
public sealed class EvidenceTooLargeException(long limit)
    : Exception($"Evidence files are limited to {limit / (1024 * 1024)} MB; nothing was stored.")
{
    public long Limit { get; } = limit;
}
