namespace Harmonia.Web.Platform;

/// <summary>
/// Stored tokens as a compliance manager reads them (issue 19 item 8): "proceed-with-conditions" becomes "Proceed with
/// conditions", "in_review" "In review", "ai-user" "AI user". The pages keep the token itself for styles and links.
/// </summary>
internal static class Words
{
    private static readonly Dictionary<string, string> Proper = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ai"] = "AI",
        ["soa"] = "SoA",
        ["soc2"] = "SOC 2",
        ["iso27001"] = "ISO/IEC 27001",
        ["iso42001"] = "ISO/IEC 42001",
        ["eu"] = "EU",
        ["csv"] = "CSV",
        ["pdf"] = "PDF",
        ["docx"] = "DOCX",
        ["xlsx"] = "XLSX",
        ["url"] = "URL",
        ["llm"] = "LLM",
    };

    /// <summary>An enum member in words: InProgress becomes "In progress".</summary>
    public static string Of(Enum value) =>
        Of(string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + c : c.ToString())));

    public static string Of(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return string.Empty;
        }

        var words = token.Trim().Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Proper.TryGetValue(w, out var proper) ? proper : w.ToLowerInvariant())
            .ToArray();
        var first = words[0];
        words[0] = Proper.ContainsKey(first) ? first : char.ToUpperInvariant(first[0]) + first[1..];
        return string.Join(' ', words);
    }
}
