using System.Globalization;

namespace Harmonia.App.Features.Documents;

/// <summary>
/// A person's answers to the questionnaire, by key. Values are text, numbers, yes/no, dates or lists of text.
/// They are data: templates insert them as text and never evaluate them as template code.
/// </summary>
public sealed record Answers(IReadOnlyDictionary<string, object> Values)
{
    public static readonly Answers None = new(new Dictionary<string, object>(StringComparer.Ordinal));

    public bool Has(string key) => Values.TryGetValue(key, out var value) && value switch
    {
        string s => !string.IsNullOrWhiteSpace(s),
        IReadOnlyList<string> list => list.Count > 0,
        _ => true,
    };

    public Answers With(string key, object value)
    {
        var copy = new Dictionary<string, object>(Values, StringComparer.Ordinal) { [key] = value };
        return new Answers(copy);
    }

    /// <summary>Answers given in the file win; the organization's own data fills what the file leaves open.</summary>
    public Answers Over(Answers fallback)
    {
        var merged = new Dictionary<string, object>(fallback.Values, StringComparer.Ordinal);
        foreach (var (key, value) in Values)
        {
            merged[key] = value;
        }

        return new Answers(merged);
    }

    public static string Display(object value) => value switch
    {
        IReadOnlyList<string> list => string.Join(", ", list),
        bool b => b ? "yes" : "no",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
