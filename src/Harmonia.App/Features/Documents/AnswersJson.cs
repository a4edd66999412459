using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harmonia.App.Features.Documents;

/// <summary>Answers as stored: a JSON object of question key to value, read back by each question's type.</summary>
public static class AnswersJson
{
    public static string Write(Answers answers)
    {
        var json = new JsonObject();
        foreach (var (key, value) in answers.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            json[key] = value switch
            {
                IReadOnlyList<string> list => new JsonArray(list.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                double number => JsonValue.Create(number),
                bool flag => JsonValue.Create(flag),
                DateOnly date => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                _ => JsonValue.Create(value.ToString()),
            };
        }

        return json.ToJsonString();
    }

    public static Answers Read(string text, Questionnaire questionnaire)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, node) in JsonNode.Parse(text)!.AsObject())
        {
            if (questionnaire.Find(key) is not { } question || node is null)
            {
                continue; // A question dropped by a later content version is simply no longer asked.
            }

            values[key] = question.Type switch
            {
                QuestionType.List or QuestionType.Multi => node.AsArray().Select(i => i!.GetValue<string>()).ToArray(),
                QuestionType.Number => node.GetValue<double>(),
                QuestionType.YesNo => node.GetValue<bool>(),
                QuestionType.Date => DateOnly.ParseExact(node.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => node.GetValue<string>(),
            };
        }

        return new Answers(values);
    }

    /// <summary>What the API returns: plain JSON values, lists as arrays.</summary>
    public static JsonElement ToElement(Answers answers) => JsonDocument.Parse(Write(answers)).RootElement.Clone();
}
