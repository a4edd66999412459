using System.Buffers;
using System.Security.Cryptography;

namespace Harmonia.App.Common;

/// <summary>An upload received into a temporary file, hashed and accepted; the caller places it and deletes the temporary file.</summary>
public sealed record ReceivedUpload(string TemporaryPath, StoredFile File);

/// <summary>
/// The one way an upload is received, whichever store keeps it: streamed to a temporary file in the local incoming
/// folder while its SHA-256 is computed, held to the size limit, refused when empty, of a refused type or not matching
/// the hash the client sent. Only then does a store place it.
/// </summary>
public static class EvidenceUploadReceiver
{
    public static string IncomingFolder(EvidenceStoreSettings settings) => Path.Combine(settings.Folder, "incoming");

    /// <summary>Receives <paramref name="content"/>; on any refusal the temporary file is gone and the exception says why.</summary>
    public static async Task<ReceivedUpload> ReceiveAsync(EvidenceStoreSettings settings, Stream content, string? fileName, string? expectedSha256, CancellationToken cancellationToken)
    {
        if (expectedSha256 is not null && !EvidenceValues.IsSha256(expectedSha256.Trim()))
        {
            throw new InvalidInputException("The SHA-256 you sent is not 64 hexadecimal digits; nothing was stored.");
        }

        var name = FileNames.Sanitise(fileName);
        var incoming = IncomingFolder(settings);
        Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        var head = new byte[FileTypeSniffer.HeadLength];
        var headLength = 0;
        long size = 0;
        var accepted = false;
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

            accepted = true;
            return new ReceivedUpload(temporary, new StoredFile(sha256, size, name, type));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!accepted)
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Removes temporary files older than <paramref name="olderThan"/> from the incoming folder.</summary>
    public static int SweepIncoming(EvidenceStoreSettings settings, TimeSpan olderThan, DateTime utcNow)
    {
        var incoming = new DirectoryInfo(IncomingFolder(settings));
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

    /// <summary>The SHA-256 of a whole stream, lower-case hex: how a store checks what it gives back.</summary>
    public static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken)
    {
        using var sha = SHA256.Create();
        return Convert.ToHexStringLower(await sha.ComputeHashAsync(content, cancellationToken));
    }
}
