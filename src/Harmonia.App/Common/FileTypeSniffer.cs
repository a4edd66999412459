using System.Text;

namespace Harmonia.App.Common;

/// <summary>
/// Decides a file's type from its first bytes, never from the name or the type the client claimed, and accepts
/// only the kinds evidence comes in: documents, spreadsheets, images, archives and plain text. Executables,
/// scripts and HTML are refused, so a stored file can never run in a reader's browser or shell.
/// </summary>
public static class FileTypeSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeadLength = 1024;

    private static readonly Dictionary<string, string> ZipFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".zip"] = "application/zip",
    };

    private static readonly Dictionary<string, string> TextFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = "text/csv",
        [".json"] = "application/json",
        [".md"] = "text/markdown",
        [".yaml"] = "application/yaml",
        [".yml"] = "application/yaml",
        [".xml"] = "application/xml",
    };

    /// <returns>The media type, or null with the reason in <paramref name="refusal"/>.</returns>
    public static string? Sniff(ReadOnlySpan<byte> head, string fileName, out string? refusal)
    {
        refusal = null;
        var extension = Path.GetExtension(fileName);
        string? type = head switch
        {
            [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
            [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
            [0x47, 0x49, 0x46, 0x38, ..] => "image/gif",
            [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
            [0x50, 0x4B, 0x03, 0x04, ..] => ZipFormats.GetValueOrDefault(extension, "application/zip"),
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] => "application/x-ole-storage",
            [0x4D, 0x5A, ..] or [0x7F, 0x45, 0x4C, 0x46, ..] or [0xCA, 0xFE, 0xBA, 0xBE, ..] or [0xCF, 0xFA, 0xED, 0xFE, ..] => Refuse("it is an executable program", out refusal),
            [0x23, 0x21, ..] => Refuse("it is a script", out refusal),
            _ => null,
        };
        if (type is not null || refusal is not null)
        {
            return Consistent(type, extension, ref refusal);
        }

        if (!IsText(head))
        {
            refusal = "its type is not one Harmonia keeps as evidence (PDF, Office or OpenDocument files, images, ZIP archives, plain text)";
            return null;
        }

        if (IsMarkup(Encoding.UTF8.GetString(head)))
        {
            refusal = MarkupRefusal;
            return null;
        }

        return TextFormats.GetValueOrDefault(extension, "text/plain");
    }

    /// <summary>
    /// The head says "text"; the whole file must agree. Leading blank space pushed an HTML or SVG document past the
    /// sampled head, and bytes after it could be binary or invalid UTF-8, so text is read to the end.
    /// </summary>
    /// <returns>Null when the whole content is plain UTF-8 text that does not open as markup; otherwise why not.</returns>
    public static string? WholeTextRefusal(Stream content)
    {
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var bytes = new byte[81920];
        var chars = new char[bytes.Length + 1];
        var start = new StringBuilder();
        var sawContent = false;
        try
        {
            int read;
            while ((read = content.Read(bytes)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0))
                {
                    return "it is named as text but holds binary data";
                }

                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                var text = chars.AsSpan(0, count);
                if (!sawContent)
                {
                    text = text.TrimStart("\uFEFF \t\r\n");
                    sawContent = !text.IsEmpty;
                }

                if (sawContent && start.Length < HeadLength)
                {
                    start.Append(text[..Math.Min(text.Length, HeadLength - start.Length)]);
                }
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return "it is named as text but is not valid UTF-8 text";
        }

        return IsMarkup(start.ToString()) ? MarkupRefusal : null;
    }

    private const string MarkupRefusal = "it is HTML or SVG, which could run script in a reader's browser; export it as PDF";

    private static bool IsMarkup(string text)
    {
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith('<') && (start.Contains("<html", StringComparison.OrdinalIgnoreCase) || start.Contains("<script", StringComparison.OrdinalIgnoreCase)
            || start.Contains("<svg", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase));
    }

    private static string? Refuse(string why, out string? refusal)
    {
        refusal = why;
        return null;
    }

    /// <summary>A name that promises another type than the content holds is refused: the reader would be misled.</summary>
    private static string? Consistent(string? type, string extension, ref string? refusal)
    {
        if (type is null)
        {
            return null;
        }

        var expected = extension.ToLowerInvariant() switch
        {
            ".pdf" => "application/pdf",
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            _ => null,
        };
        if (expected is not null && expected != type)
        {
            refusal = $"it is named {extension} but its content is {type}";
            return null;
        }

        return type;
    }

    private static bool IsText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return true;
        }

        if (head.Contains((byte)0))
        {
            return false;
        }

        try
        {
            // flush: false, because the sample may end inside a multi-byte character.
            _ = new UTF8Encoding(false, true).GetDecoder().GetCharCount(head, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
