using System.Runtime.CompilerServices;

namespace Harmonia.App.Common;

/// <summary>
/// Keeps evidence files content-addressed in a local folder: a file lives at its SHA-256 (data/evidence/ab/cd/abcd…), so
/// the same bytes are stored once and a stored file can never be changed without changing its address. Only a complete,
/// hashed, accepted upload is moved into place (<see cref="EvidenceUploadReceiver"/>). A file is removed only by the
/// sweep, once no row names it (after a retention period when its evidence was deleted).
/// </summary>
public sealed class LocalEvidenceStore(EvidenceStoreSettings settings) : IEvidenceStore
{
    public async Task<StoredFile> SaveAsync(Stream content, string? fileName, string? expectedSha256, CancellationToken cancellationToken = default)
    {
        var received = await EvidenceUploadReceiver.ReceiveAsync(settings, content, fileName, expectedSha256, cancellationToken);
        try
        {
            var path = PathOf(received.File.Sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
            {
                try
                {
                    File.Move(received.TemporaryPath, path);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Someone stored the same bytes a moment earlier: same address, same content.
                }
            }
            else
            {
                Refresh(path);
            }

            return received.File;
        }
        finally
        {
            File.Delete(received.TemporaryPath);
        }
    }

    public int SweepIncoming(TimeSpan olderThan, DateTime utcNow) => EvidenceUploadReceiver.SweepIncoming(settings, olderThan, utcNow);

    public async IAsyncEnumerable<StoredObject> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var root = new DirectoryInfo(settings.Folder);
        if (!root.Exists)
        {
            yield break;
        }

        // Only files at their own address count: the incoming folder and anything an operator left beside them stay.
        foreach (var file in root.EnumerateFiles("*", SearchOption.AllDirectories).Where(f => EvidenceValues.IsSha256(f.Name) && f.FullName == PathOf(f.Name)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StoredObject(file.Name, file.LastWriteTimeUtc);
        }

        await Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (!EvidenceValues.IsSha256(sha256))
        {
            return Task.FromResult(false);
        }

        try
        {
            File.Delete(PathOf(sha256.ToLowerInvariant()));
            return Task.FromResult(true);
        }
        catch (IOException)
        {
            // In use after all: the next sweep takes it.
            return Task.FromResult(false);
        }
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (!EvidenceValues.IsSha256(sha256))
        {
            return Task.FromResult<Stream?>(null);
        }

        var path = PathOf(sha256.ToLowerInvariant());
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null);
    }

    public Task RestoreAsync(string localCopy, string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".restoring";
        File.Copy(localCopy, temporary, overwrite: true);
        using (var written = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            written.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) =>
        Task.FromResult(EvidenceValues.IsSha256(sha256) && File.Exists(PathOf(sha256.ToLowerInvariant())));

    public Task<Uri?> DownloadAddressAsync(string sha256, string fileName, string contentType, CancellationToken cancellationToken = default) => Task.FromResult<Uri?>(null);

    // The same bytes stored again (often the file of deleted evidence, uploaded anew): the file counts as young, so a
    // sweep that read the rows before this upload's row committed does not remove it under the new row.
    private static void Refresh(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A store the process may read but not touch: the file stays as it is, the upload still succeeds.
        }
    }

    private string PathOf(string sha256) => Path.Combine(settings.Folder, sha256[..2], sha256[2..4], sha256);
}
