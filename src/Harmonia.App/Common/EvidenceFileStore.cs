using System.Buffers;
using System.Security.Cryptography;

namespace Harmonia.App.Common;

/// <summary>
/// Keeps evidence files content-addressed: a file lives at its SHA-256 (data/evidence/ab/cd/abcd…), so the same
/// bytes are stored once and a stored file can never be changed without changing its address. The hash is
/// computed while the upload streams to a temporary file in the same folder; only a complete, hashed, accepted
/// upload is moved into place. A file is removed only by the sweep, once no row names it (after a retention period when
/// its evidence was deleted).
/// </summary>
public sealed class EvidenceFileStore(EvidenceStoreSettings settings)
{
    public long MaxFileBytes => settings.MaxFileBytes;

    /// <param name="expectedSha256">When the client sent the hash it computed, the upload fails unless it matches.</param>
    /// <exception cref="EvidenceTooLargeException">The content exceeds the limit.</exception>
    /// <exception cref="InvalidInputException">Empty, refused type, or a hash mismatch.</exception>
    public async Task<StoredFile> SaveAsync(Stream content, string? fileName, string? expectedSha256, CancellationToken cancellationToken = default)
    {
        if (expectedSha256 is not null && !EvidenceValues.IsSha256(expectedSha256.Trim()))
        {
            throw new InvalidInputException("The SHA-256 you sent is not 64 hexadecimal digits; nothing was stored.");
        }

        var name = FileNames.Sanitise(fileName);
        var incoming = Path.Combine(settings.Folder, "incoming");
        Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        var head = new byte[FileTypeSniffer.HeadLength];
        var headLength = 0;
        long size = 0;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > settings.MaxFileBytes)
                    {
                        throw new EvidenceTooLargeException(settings.MaxFileBytes);
                    }

                    if (headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }

                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await output.FlushAsync(cancellationToken);

                // On disk before the move and before the row that names it commits: a crash after the commit must
                // never leave a row pointing at bytes that were still in the page cache.
                output.Flush(flushToDisk: true);
            }

            if (size == 0)
            {
                throw new InvalidInputException("The file is empty; nothing was stored.");
            }

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (expectedSha256 is not null && !string.Equals(expectedSha256.Trim(), sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidInputException($"The file's SHA-256 is {sha256}, not the {expectedSha256.Trim()} you sent: it changed on the way. Nothing was stored.");
            }

            var type = FileTypeSniffer.Sniff(head.AsSpan(0, headLength), name, out var refusal)
                ?? throw new InvalidInputException($"'{name}' was not stored: {refusal}.");
            if (type.StartsWith("text/", StringComparison.Ordinal) && size > headLength)
            {
                await using var whole = File.OpenRead(temporary);
                if (FileTypeSniffer.WholeTextRefusal(whole) is { } textRefusal)
                {
                    throw new InvalidInputException($"'{name}' was not stored: {textRefusal}.");
                }
            }

            var path = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
            {
                try
                {
                    File.Move(temporary, path);
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

            return new StoredFile(sha256, size, name, type);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Removes what killed uploads left in the incoming folder. Only files older than <paramref name="olderThan"/>
    /// go: another web node sharing the folder may be receiving an upload right now.
    /// </summary>
    /// <returns>How many files were removed.</returns>
    public int SweepIncoming(TimeSpan olderThan, DateTime utcNow)
    {
        var incoming = new DirectoryInfo(Path.Combine(settings.Folder, "incoming"));
        if (!incoming.Exists)
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in incoming.EnumerateFiles().Where(f => utcNow - f.LastWriteTimeUtc > olderThan))
        {
            try
            {
                file.Delete();
                removed++;
            }
            catch (IOException)
            {
                // Still open by an upload after all: the next sweep takes it.
            }
        }

        return removed;
    }

    /// <summary>
    /// Removes stored files no row names (<paramref name="referenced"/>) that are older than <paramref name="olderThan"/>
    /// and that <paramref name="retained"/> does not hold back: a process killed after placing an upload's file and before
    /// its row committed leaves one behind, and deleted evidence leaves its files to this sweep once their retention ends.
    /// </summary>
    /// <returns>How many files were removed.</returns>
    public int SweepUnreferenced(IReadOnlySet<string> referenced, TimeSpan olderThan, DateTime utcNow, Func<string, bool>? retained = null)
    {
        var root = new DirectoryInfo(settings.Folder);
        if (!root.Exists)
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in root.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => EvidenceValues.IsSha256(f.Name) && f.FullName == PathOf(f.Name) && !referenced.Contains(f.Name) && utcNow - f.LastWriteTimeUtc > olderThan)
            .Where(f => retained?.Invoke(f.Name) != true))
        {
            try
            {
                file.Delete();
                removed++;
            }
            catch (IOException)
            {
                // In use after all: the next start takes it.
            }
        }

        return removed;
    }

    /// <summary>Opens a stored file for reading, or null when the store does not hold it.</summary>
    public Stream? Open(string sha256)
    {
        if (!EvidenceValues.IsSha256(sha256))
        {
            return null;
        }

        var path = PathOf(sha256.ToLowerInvariant());
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null;
    }

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
