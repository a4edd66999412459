using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Harmonia.App.Common;

namespace Harmonia.App.Features.Search;

/// <summary>
/// How text becomes search words, on both sides: the index stores records as these words and a query is cut the same
/// way, so SQLite and PostgreSQL (whose own tokenizers differ on "R-12" or "ISO/IEC") match the same records. Only
/// letters and digits survive, so nothing a person types reaches either engine's query syntax.
/// </summary>
public static partial class SearchText
{
    public const int TitleLength = 300;
    public const int BodyLength = 4000;
    public const int TermsLength = 40000;
    public const int QueryLength = 200;
    public const int QueryWords = 8;

    public static IReadOnlyList<string> Words(string? text) =>
        text is null ? [] : Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToArray();

    /// <summary>The words of a query, or a readable refusal: empty, too long, or too many words.</summary>
    public static IReadOnlyList<string> Query(string? text)
    {
        if (text is { Length: > QueryLength })
        {
            throw Refuse($"A search is at most {QueryLength} characters; this one has {text.Length}.");
        }

        var words = Words(text).Distinct(StringComparer.Ordinal).ToArray();
        if (words.Length == 0)
        {
            throw Refuse("Type a word to search for: a key such as R-12, a name or words from a record's text.");
        }

        if (words.Length > QueryWords)
        {
            throw Refuse($"A search takes at most {QueryWords} words; this one has {words.Length}. Leave out the common ones.");
        }

        return words.Select(w => w.Length > 64 ? w[..64] : w).ToArray();
    }

    /// <summary>Every word as a prefix, all required: an FTS5 MATCH expression of quoted tokens.</summary>
    public static string Fts5Match(IReadOnlyList<string> words) => string.Join(' ', words.Select(w => $"\"{w}\"*"));

    /// <summary>The same for PostgreSQL's to_tsquery with the 'simple' configuration.</summary>
    public static string TsQuery(IReadOnlyList<string> words) => string.Join(" & ", words.Select(w => w + ":*"));

    public static string Terms(params string?[] parts)
    {
        var builder = new StringBuilder();
        foreach (var word in parts.SelectMany(Words))
        {
            if (builder.Length + word.Length + 1 > TermsLength)
            {
                break;
            }

            builder.Append(builder.Length == 0 ? string.Empty : " ").Append(word);
        }

        return builder.ToString();
    }

    public static string Clip(string? text, int length)
    {
        var flat = Whitespace().Replace(text ?? string.Empty, " ").Trim();
        return flat.Length <= length ? flat : flat[..(length - 1)].TrimEnd() + "…";
    }

    /// <summary>About 160 characters of the text around the first word found, or its start.</summary>
    public static string Snippet(string body, IReadOnlyList<string> words)
    {
        const int Around = 70;
        var found = words.Select(w => body.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, found - Around);
        var end = Math.Min(body.Length, found + (2 * Around));
        return (start > 0 ? "…" : string.Empty) + body[start..end].Trim() + (end < body.Length ? "…" : string.Empty);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static InvalidInputException Refuse(string message) => new(new Dictionary<string, string[]> { ["q"] = [message] });

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
