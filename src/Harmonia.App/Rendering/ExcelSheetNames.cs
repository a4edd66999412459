using System.Buffers;

namespace Harmonia.App.Rendering;

/// <summary>Sheet names Excel accepts: at most 31 characters, none of []:*?/\, no leading or trailing apostrophe, unique ignoring case.</summary>
internal static class ExcelSheetNames
{
    private const int MaxLength = 31;
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("[]:*?/\\");

    public static IReadOnlyList<string> Unique(IEnumerable<string?> names)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var name in names)
        {
            var clean = Clean(name, result.Count + 1);
            var candidate = clean;
            for (var n = 2; !taken.Add(candidate); n++)
            {
                var suffix = $" ({n})";
                candidate = ExcelText.Truncate(clean, MaxLength - suffix.Length).TrimEnd() + suffix;
            }

            result.Add(candidate);
        }

        return result;
    }

    private static string Clean(string? name, int position)
    {
        // Forbidden characters become spaces rather than vanishing so "Risks: 2026/Q1" still reads as words.
        var replaced = string.Concat((name ?? string.Empty).Select(c => Forbidden.Contains(c) || char.IsControl(c) ? ' ' : c));
        var words = string.Join(' ', replaced.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var clean = ExcelText.Truncate(ExcelText.XmlSafe(words).Trim(' ', '\''), MaxLength).Trim(' ', '\'');
        if (clean.Length == 0)
        {
            return "Sheet" + position;
        }

        // Excel keeps "History" for the change log of shared workbooks and refuses it as a name.
        return clean.Equals("History", StringComparison.OrdinalIgnoreCase) ? clean + "_" : clean;
    }
}
