using System.Globalization;

namespace Harmonia.App.Features.Documents;

/// <summary>
/// What an answer may hold, checked before it is stored, wherever it comes from (file, API, form). Answers flow
/// into every generated document: an infinite number, a month count that overflows a date, a control character
/// that no document format may carry or a 4,000-letter word that stalls PDF line breaking used to make every later
/// generation fail or crawl (issue 20).
/// </summary>
public static class AnswerRules
{
    public const int MaxTextLength = 4000;
    public const int MaxWordLength = 200;
    public const int MaxListItems = 100;
    public const int MaxListItemLength = 500;

    public static string? ForNumber(Question question, double number)
    {
        var min = question.Min ?? 0;
        var max = question.Max ?? 1_000_000;
        return double.IsFinite(number) && number >= min && number <= max
            ? null
            : $"'{question.Key}' takes a number from {Format(min)} to {Format(max)}";
    }

    public static string? ForDate(Question question, DateOnly date) =>
        date.Year is >= 1900 and <= 2200 ? null : $"'{question.Key}' takes a date between 1900 and 2200";

    public static string? ForText(Question question, string text, int maxLength = MaxTextLength)
    {
        if (text.Length > maxLength)
        {
            return $"'{question.Key}' is limited to {maxLength:N0} characters";
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            return $"'{question.Key}' contains a control character; remove it";
        }

        return text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Any(w => w.Length > MaxWordLength)
            ? $"'{question.Key}' contains a word of more than {MaxWordLength} characters; add spaces"
            : null;
    }

    public static string? ForList(Question question, IReadOnlyList<string> items) =>
        items.Count > MaxListItems
            ? $"'{question.Key}' takes at most {MaxListItems} entries"
            : items.Select(i => ForText(question, i, MaxListItemLength)).FirstOrDefault(p => p is not null);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
