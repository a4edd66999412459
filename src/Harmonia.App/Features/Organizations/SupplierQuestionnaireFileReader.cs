using Harmonia.App.Content;
using Harmonia.Domain.Suppliers;
using YamlDotNet.RepresentationModel;

namespace Harmonia.App.Features.Organizations;

/// <summary>
/// The accepted questionnaires under a supplier of the organization file. Each names one of Harmonia's templates; the
/// answers are a mapping of question key to answer and the reviewer's marks a list, checked against the template.
/// </summary>
internal static class SupplierQuestionnaireFileReader
{
    public const int MaxPerSupplier = 50;

    public static IReadOnlyList<SupplierQuestionnaireEntry> Read(YamlFile yaml, YamlMappingNode supplier, string what, IReadOnlyList<QuestionnaireTemplate> templates)
    {
        var entries = new List<SupplierQuestionnaireEntry>();
        foreach (var item in yaml.Items(supplier, "questionnaires", required: false))
        {
            if (entries.Count == MaxPerSupplier)
            {
                yaml.Error(item, $"{what}: at most {MaxPerSupplier} questionnaires per supplier");
                break;
            }

            yaml.AllowOnly(item, "template", "sentTo", "sentOn", "submittedOn", "acceptedOn", "acceptedBy", "answers", "marks");
            var key = yaml.RequiredString(item, "template", $"a questionnaire of {what}");
            var template = templates.FirstOrDefault(t => t.Key == key);
            if (key is not null && template is null)
            {
                yaml.Error(YamlFile.Get(item, "template")!, $"{what}: '{key}' is not one of Harmonia's questionnaires ({string.Join(", ", templates.Select(t => t.Key))}); the organization file carries questionnaires of those only");
            }

            var sentTo = yaml.RequiredString(item, "sentTo", $"a questionnaire of {what}");
            var acceptedBy = yaml.RequiredString(item, "acceptedBy", $"a questionnaire of {what}");
            var sentOn = yaml.OptionalDate(item, "sentOn");
            var submittedOn = yaml.OptionalDate(item, "submittedOn");
            var acceptedOn = yaml.OptionalDate(item, "acceptedOn");
            if (sentOn is null || acceptedOn is null || acceptedOn < sentOn || submittedOn < sentOn || submittedOn > acceptedOn)
            {
                yaml.Error(item, $"{what}: a questionnaire needs 'sentOn' and 'acceptedOn' (and may have 'submittedOn' between them), in that order");
                continue;
            }

            if (template is null || sentTo is null || acceptedBy is null)
            {
                continue;
            }

            var answers = Answers(yaml, item, what, template);
            var marks = Marks(yaml, item, what, template);
            entries.Add(new SupplierQuestionnaireEntry(template, sentTo, sentOn.Value, submittedOn, acceptedOn.Value, acceptedBy, answers, marks));
        }

        return entries;
    }

    private static QuestionnaireAnswer[] Answers(YamlFile yaml, YamlMappingNode item, string what, QuestionnaireTemplate template)
    {
        var answers = new List<QuestionnaireAnswer>();
        if (YamlFile.Get(item, "answers") is not { } node)
        {
            return [];
        }

        if (node is not YamlMappingNode map)
        {
            yaml.Error(node, $"{what}: 'answers' maps each question key to its answer");
            return [];
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            var question = template.Questions.FirstOrDefault(q => q.Key == key);
            if (question is null)
            {
                yaml.Error(keyNode, $"{what}: the {template.Title} has no question '{key}'");
                continue;
            }

            if (valueNode is not YamlScalarNode { Value: var value })
            {
                yaml.Error(valueNode, $"{what}: the answer to '{key}' must be plain text");
                continue;
            }

            var answer = new QuestionnaireAnswer(question.Key, value);
            if (QuestionnaireScoring.Refusal(question, answer) is { } refusal)
            {
                yaml.Error(valueNode, $"{what}: the answer to '{key}' does not fit the question: {refusal}");
                continue;
            }

            answers.Add(answer);
        }

        return answers.ToArray();
    }

    private static AnswerMark[] Marks(YamlFile yaml, YamlMappingNode item, string what, QuestionnaireTemplate template)
    {
        var marks = new List<AnswerMark>();
        foreach (var entry in yaml.Items(item, "marks", required: false))
        {
            yaml.AllowOnly(entry, "question", "passes", "comment");
            var key = yaml.RequiredString(entry, "question", $"a mark of {what}");
            var passes = yaml.OptionalString(entry, "passes");
            if (key is not null && template.Questions.All(q => q.Key != key))
            {
                yaml.Error(entry, $"{what}: the {template.Title} has no question '{key}'");
            }
            else if (passes is not ("true" or "false"))
            {
                yaml.Error(entry, $"{what}: a mark says 'passes: true' or 'passes: false'");
            }
            else if (key is not null)
            {
                marks.Add(new AnswerMark(key, passes == "true", yaml.OptionalString(entry, "comment")));
            }
        }

        return marks.ToArray();
    }
}
