using System.Text;

namespace Harmonia.App.Common;

/// <summary>
/// Reads untrusted text (request bodies, uploads, files named on the command line) with a byte limit and strict
/// UTF-8: an oversized body stops being read at the limit, and invalid bytes are refused instead of silently
/// replaced (a replaced byte would change what the person meant without telling them).
/// </summary>
public static class BoundedText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<string> ReadAsync(Stream stream, long maxBytes, string what, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InputTooLargeException(what, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), what);
    }

    public static string ReadFile(string path, long maxBytes, string what)
    {
        if (new FileInfo(path).Length > maxBytes)
        {
            throw new InputTooLargeException(what, maxBytes);
        }

        return Decode(File.ReadAllBytes(path), what);
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string what)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidInputException($"{what} is not valid UTF-8 text; save it as UTF-8 and try again. Nothing was changed.");
        }
    }
}
