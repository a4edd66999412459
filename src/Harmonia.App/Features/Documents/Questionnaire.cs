namespace Harmonia.App.Features.Documents;

public enum QuestionType
{
    Text,
    Choice,
    Multi,
    Number,
    Date,
    YesNo,
    Person,
    List,
}

public enum QuestionTier
{
    /// <summary>The organization profile.</summary>
    Profile,

    /// <summary>Management-system answers that cannot be derived from other data.</summary>
    System,
}

/// <param name="Key">Dotted path, also the Liquid variable path (org.name -> {{ org.name }}).</param>
/// <param name="Default">Offered as the initial answer; never used silently for a required answer.</param>
public sealed record Question(
    string Key,
    QuestionTier Tier,
    QuestionType Type,
    string Label,
    string? Help,
    bool Required,
    IReadOnlyList<string> Options,
    string? Default,
    double? Min = null,
    double? Max = null);

public sealed record Questionnaire(IReadOnlyList<Question> Questions)
{
    private readonly Dictionary<string, Question> _byKey = Questions.ToDictionary(q => q.Key, StringComparer.Ordinal);

    public Question? Find(string key) => _byKey.GetValueOrDefault(key);
}
