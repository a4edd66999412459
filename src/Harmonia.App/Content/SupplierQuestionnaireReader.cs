using System.Text.RegularExpressions;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Suppliers;
using YamlDotNet.RepresentationModel;

namespace Harmonia.App.Content;

/// <summary>
/// Reads a supplier due diligence questionnaire (shipped under <c>supplier-questionnaires/</c>, or an organization's
/// own, uploaded as the same YAML). Unknown keys, unknown requirement ids, a yes/no question without the passing
/// answer, a choice without options and duplicate question keys are errors with line and column.
/// </summary>
public static partial class SupplierQuestionnaireReader
{
    public const string Folder = "supplier-questionnaires/";

    /// <summary>Limits for an organization's upload: a questionnaire is read by a person in one sitting.</summary>
    public const int MaxQuestions = 100;

    private static readonly Dictionary<string, QuestionType> Types = new(StringComparer.Ordinal)
    {
        ["yes-no"] = QuestionType.YesNo,
        ["choice"] = QuestionType.Choice,
        ["text"] = QuestionType.Text,
        ["file"] = QuestionType.File,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex KeyPattern();

    /// <summary>Parses and validates one template; null with <paramref name="errors"/> filled when it is not valid.</summary>
    public static QuestionnaireTemplate? Read(string name, string text, Catalog catalog, List<ContentError> errors)
    {
        var yaml = YamlFile.Parse(name, text, errors);
        return yaml.Root is null ? null : Read(yaml, yaml.Root, catalog);
    }

    internal static QuestionnaireTemplate? Read(YamlFile yaml, YamlMappingNode root, Catalog catalog)
    {
        yaml.AllowOnly(root, "key", "title", "purpose", "ai", "questions");
        var key = Key(yaml, root, "the questionnaire");
        var title = Limited(yaml, root, "title", "the questionnaire", 200);
        var purpose = Limited(yaml, root, "purpose", "the questionnaire", 2000);
        var ai = Flag(yaml, root, "ai");
        var questions = new List<QuestionnaireQuestion>();
        var fine = true;
        foreach (var item in yaml.Items(root, "questions", required: true))
        {
            if (questions.Count == MaxQuestions)
            {
                yaml.Error(item, $"a questionnaire has at most {MaxQuestions} questions");
                fine = false;
                break;
            }

            var question = Question(yaml, item, catalog);
            if (question is null)
            {
                fine = false;
            }
            else if (questions.Any(q => q.Key == question.Key))
            {
                yaml.Error(item, $"duplicate question key '{question.Key}'");
                fine = false;
            }
            else
            {
                questions.Add(question);
            }
        }

        if (fine && questions.Count == 0)
        {
            yaml.Error(root, "the questionnaire has no questions");
            fine = false;
        }

        return fine && key is not null && title is not null && purpose is not null
            ? new QuestionnaireTemplate(key, title, purpose, ai, questions)
            : null;
    }

    private static QuestionnaireQuestion? Question(YamlFile yaml, YamlMappingNode map, Catalog catalog)
    {
        yaml.AllowOnly(map, "key", "text", "type", "expected", "options", "weight", "required", "requirements", "guidance");
        var key = Key(yaml, map, "a question");
        var text = Limited(yaml, map, "text", "a question", 1000);
        var type = yaml.Choice(map, "type", Types, "a question", required: true);
        var weight = yaml.OptionalNumber(map, "weight", 0, 10);
        if (weight is null && YamlFile.Get(map, "weight") is null)
        {
            yaml.Error(map, "a question has no 'weight' (0 to 10: what it counts in the score)");
        }

        var required = Flag(yaml, map, "required");
        var guidance = yaml.OptionalString(map, "guidance");
        if (guidance is { Length: > 1000 })
        {
            yaml.Error(YamlFile.Get(map, "guidance")!, "'guidance' may have 1000 characters");
            guidance = null;
        }

        var fine = key is not null && text is not null && type is not null && weight is not null;
        var expected = yaml.OptionalString(map, "expected");
        if (type == QuestionType.YesNo && expected is not ("yes" or "no"))
        {
            yaml.Error(YamlFile.Get(map, "expected") ?? map, "a yes-no question needs 'expected': the answer that passes, \"yes\" or \"no\"");
            fine = false;
        }
        else if (type != QuestionType.YesNo && expected is not null)
        {
            yaml.Error(YamlFile.Get(map, "expected")!, "only a yes-no question has 'expected'");
            fine = false;
        }

        var options = new List<QuestionOption>();
        foreach (var option in yaml.Items(map, "options", required: false))
        {
            yaml.AllowOnly(option, "key", "label", "passes");
            var optionKey = Key(yaml, option, "an option");
            var label = Limited(yaml, option, "label", "an option", 300);
            if (optionKey is null || label is null)
            {
                fine = false;
            }
            else if (options.Any(o => o.Key == optionKey))
            {
                yaml.Error(option, $"duplicate option key '{optionKey}'");
                fine = false;
            }
            else
            {
                options.Add(new QuestionOption(optionKey, label, Flag(yaml, option, "passes")));
            }
        }

        if (type == QuestionType.Choice && (options.Count < 2 || options.All(o => !o.Passes)))
        {
            yaml.Error(YamlFile.Get(map, "options") ?? map, "a choice question needs at least two options, one of which passes");
            fine = false;
        }
        else if (type is not null and not QuestionType.Choice && options.Count > 0)
        {
            yaml.Error(YamlFile.Get(map, "options")!, "only a choice question has 'options'");
            fine = false;
        }

        var requirements = new List<string>();
        foreach (var node in yaml.Scalars(map, "requirements"))
        {
            var id = node.Value?.Trim() ?? string.Empty;
            if (catalog.FindRequirement(id) is null)
            {
                yaml.Error(node, $"unknown requirement '{id}' (write <framework>:<ref>, like iso27001-2022:A.5.19)");
                fine = false;
            }
            else if (!requirements.Contains(id, StringComparer.Ordinal))
            {
                requirements.Add(id);
            }
        }

        if (requirements.Count == 0)
        {
            yaml.Error(YamlFile.Get(map, "requirements") ?? map, "a question names the requirement(s) it gives evidence for under 'requirements'");
            fine = false;
        }

        return fine ? new QuestionnaireQuestion(key!, text!, type!.Value, (int)weight!.Value, required, expected, options, requirements, guidance) : null;
    }

    private static string? Key(YamlFile yaml, YamlMappingNode map, string what)
    {
        var key = yaml.RequiredString(map, "key", what);
        if (key is not null && !KeyPattern().IsMatch(key))
        {
            yaml.Error(YamlFile.Get(map, "key")!, $"'{key}' is not a key: lower-case letters, digits and hyphens, up to 63");
            return null;
        }

        return key;
    }

    private static string? Limited(YamlFile yaml, YamlMappingNode map, string key, string what, int max)
    {
        var value = yaml.RequiredString(map, key, what);
        if (value is { Length: var length } && length > max)
        {
            yaml.Error(YamlFile.Get(map, key)!, $"'{key}' may have {max} characters");
            return null;
        }

        return value;
    }

    private static bool Flag(YamlFile yaml, YamlMappingNode map, string key)
    {
        var text = yaml.OptionalString(map, key);
        if (text is null or "false")
        {
            return false;
        }

        if (text == "true")
        {
            return true;
        }

        yaml.Error(YamlFile.Get(map, key)!, $"'{key}' is true or false, not '{text}'");
        return false;
    }
}
