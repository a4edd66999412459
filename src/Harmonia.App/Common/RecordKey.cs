using System.Text.RegularExpressions;

namespace Harmonia.App.Common;

/// <summary>
/// The keys people give records (C-12, R-AI-1, IA-2026-01). Keys are written into lists, file names, CSV cells
/// and organization files: a comma, space or slash inside one split a reference in two or made a path, so a key
/// is letters, digits, '.', '_' and '-' only, starting with a letter or digit.
/// </summary>
public static partial class RecordKey
{
    public const int MaxLength = 64;

    /// <summary>Null when <paramref name="key"/> is usable; otherwise the sentence to show.</summary>
    public static string? Problem(string? key, string example) =>
        key is not null && Pattern().IsMatch(key.Trim())
            ? null
            : $"A key of 1 to {MaxLength} letters, digits, '.', '_' or '-' is required (no spaces or commas), e.g. {example}.";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
