using System.Globalization;
using Harmonia.App.Common;

namespace Harmonia.App.Features.Documents;

/// <summary>
/// Reads the questionnaire page's form: one field per question (lists one item per line, multiple choices as
/// repeated fields). Empty fields are unanswered. Every problem is reported by question and nothing is saved.
/// </summary>
public static class AnswersFormReader
{
    public static Answers Read(IReadOnlyDictionary<string, IReadOnlyList<string>> form, Questionnaire questionnaire)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var question in questionnaire.Questions)
        {
            var raw = form.TryGetValue(question.Key, out var given) ? given.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToArray() : [];
            if (raw.Length == 0)
            {
                continue;
            }

            switch (question.Type)
            {
                case QuestionType.List:
                    var lines = raw.SelectMany(v => v.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
                    Keep(question, lines, AnswerRules.ForList(question, lines));
                    break;
                case QuestionType.Multi:
                    var unknown = raw.Where(v => !question.Options.Contains(v, StringComparer.Ordinal)).ToArray();
                    if (unknown.Length > 0)
                    {
                        errors[question.Key] = [$"{question.Label}: '{string.Join("', '", unknown)}' is not an option."];
                    }

                    values[question.Key] = raw;
                    break;
                case QuestionType.Number when double.TryParse(raw[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                    Keep(question, number, AnswerRules.ForNumber(question, number));
                    break;
                case QuestionType.Number:
                    errors[question.Key] = [$"{question.Label}: '{raw[0]}' is not a number."];
                    break;
                case QuestionType.YesNo when raw[0] is "yes" or "no":
                    values[question.Key] = raw[0] == "yes";
                    break;
                case QuestionType.Date when DateOnly.TryParseExact(raw[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                    Keep(question, date, AnswerRules.ForDate(question, date));
                    break;
                case QuestionType.YesNo or QuestionType.Date:
                    errors[question.Key] = [$"{question.Label}: '{raw[0]}' is not a valid answer."];
                    break;
                case QuestionType.Choice when !question.Options.Contains(raw[0], StringComparer.Ordinal):
                    errors[question.Key] = [$"{question.Label}: '{raw[0]}' is not an option."];
                    break;
                default:
                    Keep(question, raw[0], AnswerRules.ForText(question, raw[0]));
                    break;
            }
        }

        void Keep(Question question, object value, string? problem)
        {
            if (problem is null)
            {
                values[question.Key] = value;
            }
            else
            {
                errors[question.Key] = [$"{question.Label}: {problem[(problem.IndexOf(' ', StringComparison.Ordinal) + 1)..]}."];
            }
        }

        return errors.Count > 0 ? throw new InvalidInputException(errors) : new Answers(values);
    }
}
