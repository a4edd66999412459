namespace Harmonia.App.Common;

/// <summary>
/// Where evidence files live, content-addressed by their SHA-256: a local folder (<see cref="LocalEvidenceStore"/>, the
/// default) or an S3-compatible bucket (<see cref="S3EvidenceStore"/>), chosen by Evidence:Store (ADR 0024). Every
/// implementation hashes an upload while it streams and applies the same type and size checks
/// (<see cref="EvidenceUploadReceiver"/>), so callers see one behaviour whichever store is configured.
/// </summary>
public interface IEvidenceStore
{
    /// <param name="expectedSha256">When the client sent the hash it computed, the upload fails unless it matches.</param>
    /// <exception cref="EvidenceTooLargeException">The content exceeds the limit.</exception>
    /// <exception cref="InvalidInputException">Empty, refused type, or a hash mismatch.</exception>
    /// <exception cref="EvidenceStoreException">The store did not keep the bytes it was given.</exception>
    Task<StoredFile> SaveAsync(Stream content, string? fileName, string? expectedSha256, CancellationToken cancellationToken = default);

    /// <summary>Opens a stored file for reading, or null when the store does not hold it.</summary>
    Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts back a file of a backup under its address. The restore has checked its hash already; the upload rules of
    /// today (types, sizes) do not apply to a file that was accepted when it was stored. Verified like an upload.
    /// </summary>
    /// <param name="localCopy">The file's bytes in a local file the caller removes afterwards.</param>
    /// <exception cref="EvidenceStoreException">The store did not keep the bytes.</exception>
    Task RestoreAsync(string localCopy, string sha256, CancellationToken cancellationToken = default);

    /// <returns>False when the file could not be removed now (in use); the next sweep tries again.</returns>
    Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Every stored file with the time it was last written, for the orphan sweep.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A short-lived address the browser may fetch the file from directly, or null when the file is to be streamed
    /// through the application (always for the local folder; for S3 unless Evidence:S3:PresignedDownloadMinutes is set).
    /// </summary>
    Task<Uri?> DownloadAddressAsync(string sha256, string fileName, string contentType, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes what killed uploads left in the local incoming folder. Only files older than <paramref name="olderThan"/>
    /// go: another web node sharing the folder may be receiving an upload right now.
    /// </summary>
    /// <returns>How many files were removed.</returns>
    int SweepIncoming(TimeSpan olderThan, DateTime utcNow);
}

/// <summary>One stored file as the store lists it.</summary>
public sealed record StoredObject(string Sha256, DateTime LastWrittenUtc);

/// <summary>The store failed to keep what it was given (the object read back differs, the service refused): nothing was recorded.</summary>
public sealed class EvidenceStoreException(string message) : HarmoniaException(message);
