using System.Globalization;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.Domain.AiSystems;
using YamlDotNet.RepresentationModel;

namespace Harmonia.App.Features.Documents;

/// <summary>
/// Reads questionnaire answers from YAML (<c>answers: { org.short_name: Acme, ... }</c>) and checks each against its
/// question: unknown keys, options that are not offered, numbers, dates and yes/no are reported with line and column.
/// </summary>
public static class AnswersFileReader
{
    public static Answers Read(string name, string text, Questionnaire questionnaire, InputLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<ContentError>();
        var yaml = YamlFile.Parse(name, text, errors, limits, cancellationToken);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        if (yaml.Root is { } root)
        {
            yaml.AllowOnly(root, "answers");
            if (YamlFile.Get(root, "answers") is YamlMappingNode answers)
            {
                foreach (var (keyNode, valueNode) in answers.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key })
                    {
                        yaml.Error(keyNode, "a question key must be plain text, e.g. org.short_name");
                    }
                    else if (questionnaire.Find(key) is not { } question)
                    {
                        yaml.Error(keyNode, $"unknown question '{key}'");
                    }
                    else if (Value(yaml, question, valueNode) is { } value)
                    {
                        values[key] = value;
                    }
                }
            }
            else
            {
                yaml.Error(root, "the file needs an 'answers' mapping of question keys to answers");
            }
        }

        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }

        return new Answers(values);
    }

    private static object? Value(YamlFile yaml, Question question, YamlNode node)
    {
        if (question.Type is QuestionType.List or QuestionType.Multi)
        {
            if (node is not YamlSequenceNode sequence)
            {
                yaml.Error(node, $"'{question.Key}' takes a list, e.g. [a, b]");
                return null;
            }

            if (sequence.Children.Any(c => c is not YamlScalarNode))
            {
                yaml.Error(node, $"'{question.Key}' takes a list of plain values");
                return null;
            }

            IReadOnlyList<string> items = sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? string.Empty).Where(s => s.Length > 0).ToArray();
            if (question.Key == "ai.roles")
            {
                // A file written before the ISO/IEC 22989 roles keeps importing: the old words map as stored answers did.
                items = AiRoles.UpgradeAnswer(items);
            }

            if (AnswerRules.ForList(question, items) is { } listProblem)
            {
                yaml.Error(node, listProblem);
                return null;
            }

            foreach (var item in items.Where(i => question.Type == QuestionType.Multi && !question.Options.Contains(i, StringComparer.Ordinal)))
            {
                yaml.Error(node, $"'{item}' is not an option of '{question.Key}' ({string.Join(", ", question.Options)})");
            }

            return items;
        }

        if (node is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
        {
            yaml.Error(node, $"'{question.Key}' takes a single value");
            return null;
        }

        text = text.Trim();
        switch (question.Type)
        {
            case QuestionType.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return Checked(yaml, node, AnswerRules.ForNumber(question, number), number);
            case QuestionType.Number:
                yaml.Error(node, $"'{question.Key}' takes a number, not '{text}'");
                return null;
            case QuestionType.YesNo when text is "true" or "yes":
                return true;
            case QuestionType.YesNo when text is "false" or "no":
                return false;
            case QuestionType.YesNo:
                yaml.Error(node, $"'{question.Key}' takes yes or no, not '{text}'");
                return null;
            case QuestionType.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return Checked(yaml, node, AnswerRules.ForDate(question, date), date);
            case QuestionType.Date:
                yaml.Error(node, $"'{question.Key}' takes a date written yyyy-mm-dd, not '{text}'");
                return null;
            case QuestionType.Choice when !question.Options.Contains(text, StringComparer.Ordinal):
                yaml.Error(node, $"'{text}' is not an option of '{question.Key}' ({string.Join(", ", question.Options)})");
                return null;
            default:
                return Checked(yaml, node, AnswerRules.ForText(question, text), text);
        }
    }

    private static object? Checked(YamlFile yaml, YamlNode node, string? problem, object value)
    {
        if (problem is null)
        {
            return value;
        }

        yaml.Error(node, problem);
        return null;
    }
}
