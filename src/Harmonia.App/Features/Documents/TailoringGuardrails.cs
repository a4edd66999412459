using System.Text.RegularExpressions;

namespace Harmonia.App.Features.Documents;

/// <summary>
/// What a rewritten statement must keep, checked one by one: every obligation (shall, must, shall not, must not,
/// may not), every number, every role, system and organization name it contained; and what it must not bring:
/// requirement ids, line breaks or the template's structure characters. A refusal names the rule it broke.
/// </summary>
public static partial class TailoringGuardrails
{
    private static readonly string[] Modals = ["shall not", "must not", "may not", "shall", "must"];

    /// <returns>Null when the rewrite is acceptable, otherwise why it is not.</returns>
    public static string? Check(string original, string proposed, IReadOnlyCollection<string> protectedTerms)
    {
        if (string.IsNullOrWhiteSpace(proposed))
        {
            return "the rewrite is empty";
        }

        if (proposed.Length > Math.Max(200, original.Length * 2))
        {
            return "the rewrite is more than twice as long as the statement";
        }

        if (proposed.IndexOfAny(['\n', '\r', '§', '|']) >= 0)
        {
            return "the rewrite contains a line break or a template structure character";
        }

        foreach (var modal in Modals)
        {
            var before = Count(original, modal);
            var after = Count(proposed, modal);
            if (after < before)
            {
                return $"the obligation '{modal}' appears {before} time(s) in the statement but {after} in the rewrite";
            }
        }

        foreach (var number in Number().Matches(original).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            if (!Number().Matches(proposed).Any(m => m.Value == number))
            {
                return $"the number {number} is missing from the rewrite";
            }
        }

        foreach (var term in protectedTerms.Where(t => t.Length > 1 && original.Contains(t, StringComparison.OrdinalIgnoreCase)))
        {
            if (!proposed.Contains(term, StringComparison.OrdinalIgnoreCase))
            {
                return $"'{term}' is missing from the rewrite";
            }
        }

        var ids = RequirementId().Matches(proposed).Select(m => m.Value).Where(id => !original.Contains(id, StringComparison.Ordinal)).ToArray();
        return ids.Length > 0 ? $"the rewrite mentions requirement ids ({string.Join(", ", ids)}); only the template assigns them" : null;
    }

    private static int Count(string text, string modal)
    {
        var count = Regex.Count(text, $@"\b{modal.Replace(" ", @"\s+", StringComparison.Ordinal)}\b", RegexOptions.IgnoreCase);

        // "shall" also counts inside "shall not": compare the plain form without its negated uses.
        return modal is "shall" or "must" ? count - Regex.Count(text, $@"\b{modal}\s+not\b", RegexOptions.IgnoreCase) : count;
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(?:iso\d{5}-\d{4}|hs|nist-ai-rmf-1\.0):[A-Za-z0-9.]+|\bA\.\d+(?:\.\d+)+\b")]
    private static partial Regex RequirementId();
}
