using System.Text;

namespace Harmonia.App.Common;

/// <summary>
/// Makes a client-supplied file name safe to show and to offer as a download name. It is never used as a path:
/// the store addresses files by hash. Still, separators, control and reserved characters, leading dots and
/// over-long names are removed so the name cannot surprise a reader's file system or a log.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 120;

    public static string Sanitise(string? name)
    {
        var last = (name ?? string.Empty).Replace('\\', '/').Split('/').LastOrDefault() ?? string.Empty;
        var builder = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' or '(' or ')' or '+' or ',' ? c : '_');
        }

        var cleaned = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ', '_');
        if (cleaned.Length == 0)
        {
            return "evidence";
        }

        if (cleaned.Length > MaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length is > 1 and <= 10 ? extension : string.Empty;
            cleaned = cleaned[..(MaxLength - extension.Length)].TrimEnd('.', ' ') + extension;
        }

        return cleaned;
    }
}
