using System.Text.Json.Serialization;

namespace Harmonia.Domain.Suppliers;

[JsonConverter(typeof(JsonStringEnumConverter<QuestionType>))]
public enum QuestionType
{
    /// <summary>Yes or no; the question names the answer that passes.</summary>
    YesNo,

    /// <summary>One of the listed options; each option says whether it passes.</summary>
    Choice,

    /// <summary>Free text, marked by the reviewer.</summary>
    Text,

    /// <summary>An attached document (a certificate, a model card, a test report), marked by the reviewer.</summary>
    File,
}

public sealed record QuestionOption(string Key, string Label, bool Passes);

/// <summary>
/// One question of a due diligence questionnaire: what is asked, how it is answered, what it weighs in the score and
/// which requirements of the two standards it gives evidence for.
/// </summary>
/// <param name="Expected">For yes/no questions, the answer that passes ("yes" or "no").</param>
public sealed record QuestionnaireQuestion(
    string Key,
    string Text,
    QuestionType Type,
    int Weight,
    bool Required,
    string? Expected,
    IReadOnlyList<QuestionOption> Options,
    IReadOnlyList<string> Requirements,
    string? Guidance = null);

/// <param name="Ai">An AI supplier set: a failed answer may open a risk suggestion against the AI systems the supplier serves.</param>
public sealed record QuestionnaireTemplate(string Key, string Title, string Purpose, bool Ai, IReadOnlyList<QuestionnaireQuestion> Questions)
{
    /// <summary>Every requirement some question of the template serves, in order of first mention.</summary>
    public IReadOnlyList<string> Requirements => Questions.SelectMany(q => q.Requirements).Distinct(StringComparer.Ordinal).ToArray();
}

/// <summary>The supplier's answer to one question; a file answer names the stored file by its SHA-256.</summary>
public sealed record QuestionnaireAnswer(string QuestionKey, string? Value, string? FileName = null, string? Sha256 = null, long? SizeBytes = null);

/// <summary>What a reviewer decided about one answer: passes or not, and why.</summary>
public sealed record AnswerMark(string QuestionKey, bool Passes, string? Comment);

/// <summary>One answer with its result: passed, failed, or waiting for the reviewer (null).</summary>
public sealed record ScoredAnswer(QuestionnaireQuestion Question, QuestionnaireAnswer? Answer, bool? Passes, bool ByReviewer);

/// <param name="Score">Weight of passed answers over the total weight, 0 to 100.</param>
public sealed record QuestionnaireScore(int Score, IReadOnlyList<ScoredAnswer> Answers)
{
    public IReadOnlyList<ScoredAnswer> Failed => Answers.Where(a => a.Passes == false).ToArray();

    public IReadOnlyList<ScoredAnswer> Unmarked => Answers.Where(a => a.Passes is null).ToArray();

    /// <summary>Requirements every question of which passed; a requirement with one failed or unmarked question is not among them.</summary>
    public IReadOnlyList<string> RequirementsPassed => Answers.SelectMany(a => a.Question.Requirements).Distinct(StringComparer.Ordinal)
        .Where(r => Answers.Where(a => a.Question.Requirements.Contains(r, StringComparer.Ordinal)).All(a => a.Passes == true)).ToArray();

    public IReadOnlyList<string> RequirementsFailed => Answers.Where(a => a.Passes == false).SelectMany(a => a.Question.Requirements).Distinct(StringComparer.Ordinal).ToArray();
}

public static class QuestionnaireScoring
{
    /// <summary>
    /// Yes/no and choice answers mark themselves; text and file answers wait for the reviewer. A reviewer's mark
    /// always wins, so a "yes" backed by nothing can still fail. An unanswered question fails.
    /// </summary>
    public static QuestionnaireScore Score(QuestionnaireTemplate template, IReadOnlyList<QuestionnaireAnswer> answers, IReadOnlyList<AnswerMark> marks)
    {
        var scored = template.Questions.Select(q =>
        {
            var answer = answers.FirstOrDefault(a => a.QuestionKey == q.Key);
            var mark = marks.LastOrDefault(m => m.QuestionKey == q.Key);
            if (mark is not null)
            {
                return new ScoredAnswer(q, answer, mark.Passes, true);
            }

            if (answer is null || (string.IsNullOrWhiteSpace(answer.Value) && answer.Sha256 is null))
            {
                return new ScoredAnswer(q, answer, false, false);
            }

            bool? passes = q.Type switch
            {
                QuestionType.YesNo => string.Equals(answer.Value, q.Expected, StringComparison.OrdinalIgnoreCase),
                QuestionType.Choice => q.Options.FirstOrDefault(o => o.Key == answer.Value)?.Passes ?? false,
                _ => null,
            };
            return new ScoredAnswer(q, answer, passes, false);
        }).ToArray();
        var total = template.Questions.Sum(q => q.Weight);
        var passed = scored.Where(a => a.Passes == true).Sum(a => a.Question.Weight);
        return new QuestionnaireScore(total == 0 ? 0 : (int)Math.Round(100.0 * passed / total), scored);
    }

    /// <summary>What an answer must look like for its question; null when it fits.</summary>
    public static string? Refusal(QuestionnaireQuestion question, QuestionnaireAnswer answer) => question.Type switch
    {
        QuestionType.YesNo when answer.Value is not (null or "" or "yes" or "no") => "answer yes or no",
        QuestionType.Choice when !string.IsNullOrEmpty(answer.Value) && question.Options.All(o => o.Key != answer.Value) =>
            "choose one of: " + string.Join(", ", question.Options.Select(o => o.Label)),
        QuestionType.Text when answer.Value is { Length: > 4000 } => "at most 4000 characters",
        _ => null,
    };
}

/// <summary>
/// An accepted questionnaire as the gap credits read it: when it was accepted, and which requirements its questions
/// passed or failed.
/// </summary>
public sealed record AcceptedQuestionnaire(string Title, DateOnly AcceptedOn, IReadOnlyList<string> RequirementsPassed, IReadOnlyList<string> RequirementsFailed)
{
    /// <summary>Current for as long as a review would be: within the supplier's tier cadence.</summary>
    public bool IsCurrent(SupplierTier tier, DateOnly today) => AcceptedOn <= today && AcceptedOn.AddMonths(tier.ReviewMonths) >= today;
}
