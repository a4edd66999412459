namespace Harmonia.App.Common;

/// <summary>
/// A stored file on its way to a client: either an address the store hands out (the client fetches from there) or
/// the content, streamed through the application.
/// </summary>
public sealed record StoredDownload(Uri? Address, Stream? Content, string FileName, string ContentType, string Sha256)
{
    /// <summary>The store's short-lived address when it gives one, else the content; null when the store lost the file.</summary>
    public static async Task<StoredDownload?> OpenAsync(IEvidenceStore store, string sha256, string fileName, string contentType, CancellationToken cancellationToken)
    {
        if (await store.DownloadAddressAsync(sha256, fileName, contentType, cancellationToken) is { } address)
        {
            return new StoredDownload(address, null, fileName, contentType, sha256);
        }

        return await store.OpenAsync(sha256, cancellationToken) is { } stream ? new StoredDownload(null, stream, fileName, contentType, sha256) : null;
    }
}
