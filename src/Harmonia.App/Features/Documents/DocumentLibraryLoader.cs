using Fluid;
using Harmonia.App.Content;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Documents;
using YamlDotNet.RepresentationModel;

namespace Harmonia.App.Features.Documents;

/// <summary>
/// Loads <c>questionnaire/en.yaml</c>, <c>templates/en/*.md</c> and <c>templates/documented-information.yaml</c>
/// and checks them against the catalogs: unknown requirement ids, questionnaire keys, Liquid syntax, untraced
/// prose, duplicate statement ids. Every problem is reported with file and line; nothing partial is returned.
/// </summary>
public static class DocumentLibraryLoader
{
    private static readonly Dictionary<string, QuestionType> Types = new(StringComparer.Ordinal)
    {
        ["text"] = QuestionType.Text,
        ["choice"] = QuestionType.Choice,
        ["multi"] = QuestionType.Multi,
        ["number"] = QuestionType.Number,
        ["date"] = QuestionType.Date,
        ["yesno"] = QuestionType.YesNo,
        ["person"] = QuestionType.Person,
        ["list"] = QuestionType.List,
    };

    private static readonly Dictionary<string, QuestionTier> Tiers = new(StringComparer.Ordinal) { ["profile"] = QuestionTier.Profile, ["system"] = QuestionTier.System };
    private static readonly string[] Kinds = ["policy", "procedure", "scope", "methodology", "plan"];
    private static readonly string[] Classifications = ["public", "internal", "confidential"];
    private static readonly FluidParser Parser = new();

    public static DocumentLibrary Load(IReadOnlyList<ContentFile> files, Catalog catalog)
    {
        var errors = new List<ContentError>();
        var questionnaire = ReadQuestionnaire(files.SingleOrDefault(f => f.Path == "questionnaire/en.yaml"), errors);
        var templates = files.Where(f => f.Path.StartsWith("templates/en/", StringComparison.Ordinal) && f.Path.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => ReadTemplate(f, questionnaire, catalog, errors))
            .OfType<DocumentTemplate>()
            .ToArray();
        var documented = ReadDocumentedInformation(files.SingleOrDefault(f => f.Path == "templates/documented-information.yaml"), catalog, errors);
        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }

        return new DocumentLibrary(questionnaire, templates, documented);
    }

    private static double? Bound(YamlFile yaml, YamlMappingNode item, string key) =>
        yaml.OptionalString(item, key) is { } text && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private static Questionnaire ReadQuestionnaire(ContentFile? file, List<ContentError> errors)
    {
        if (file is null)
        {
            errors.Add(new ContentError("questionnaire/en.yaml", 1, 1, "the questionnaire is missing"));
            return new Questionnaire([]);
        }

        var yaml = YamlFile.Parse(file.Path, file.Text, errors);
        var questions = new List<Question>();
        if (yaml.Root is null)
        {
            return new Questionnaire(questions);
        }

        foreach (var item in yaml.Items(yaml.Root, "questions", required: true))
        {
            yaml.AllowOnly(item, "key", "tier", "type", "label", "help", "required", "options", "default", "min", "max");
            var key = yaml.RequiredString(item, "key", "a question");
            var label = yaml.RequiredString(item, "label", $"question '{key}'");
            var tier = yaml.Choice(item, "tier", Tiers, $"question '{key}'", required: true);
            var type = yaml.Choice(item, "type", Types, $"question '{key}'", required: true);
            var options = yaml.Scalars(item, "options").Select(o => o.Value!).ToArray();
            if (type is QuestionType.Choice or QuestionType.Multi && options.Length == 0)
            {
                yaml.Error(item, $"question '{key}' is a {type} without options");
            }

            if (key is not null && questions.Any(q => q.Key == key))
            {
                yaml.Error(item, $"duplicate question key '{key}'");
            }
            else if (key is not null && label is not null && tier is not null && type is not null)
            {
                var (min, max) = (Bound(yaml, item, "min"), Bound(yaml, item, "max"));
                if (type == QuestionType.Number && (min is null || max is null || min > max))
                {
                    // Every number flows into dates and documents: an unbounded one is a defect of the content.
                    yaml.Error(item, $"number question '{key}' needs a min and a max (min <= max)");
                }

                questions.Add(new Question(key, tier.Value, type.Value, label, yaml.OptionalString(item, "help"), yaml.OptionalString(item, "required") == "true", options, yaml.OptionalString(item, "default"), min, max));
            }
        }

        return new Questionnaire(questions);
    }

    private static DocumentTemplate? ReadTemplate(ContentFile file, Questionnaire questionnaire, Catalog catalog, List<ContentError> errors)
    {
        var text = file.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = text.StartsWith("---\n", StringComparison.Ordinal) ? text.IndexOf("\n---\n", 3, StringComparison.Ordinal) : -1;
        if (end < 0)
        {
            errors.Add(new ContentError(file.Path, 1, 1, "a template starts with front matter between two '---' lines"));
            return null;
        }

        // The leading newline keeps YAML line numbers equal to the file's.
        var yaml = YamlFile.Parse(file.Path, "\n" + text[4..(end + 1)], errors);
        if (yaml.Root is not { } front)
        {
            return null;
        }

        var before = errors.Count;
        yaml.AllowOnly(front, "id", "title", "kind", "standards", "owner", "approver", "classification", "requires");
        var id = yaml.RequiredString(front, "id", "the template");
        var expectedId = System.IO.Path.GetFileNameWithoutExtension(file.Path);
        if (id is not null && id != expectedId)
        {
            yaml.Error(YamlFile.Get(front, "id")!, $"the id '{id}' differs from the file name '{expectedId}'");
        }

        var title = yaml.RequiredString(front, "title", "the template");
        var kind = OneOf(yaml, front, "kind", Kinds);
        var classification = OneOf(yaml, front, "classification", Classifications);
        var standards = yaml.Scalars(front, "standards");
        foreach (var standard in standards.Where(s => catalog.FindFramework(s.Value!) is null))
        {
            yaml.Error(standard, $"unknown standard '{standard.Value}'");
        }

        if (standards.Count == 0)
        {
            yaml.Error(front, "the template names no standards");
        }

        var keys = new List<(string Key, YamlNode Node)>();
        foreach (var field in new[] { "owner", "approver" })
        {
            if (yaml.RequiredString(front, field, "the template") is { } key)
            {
                keys.Add((key, YamlFile.Get(front, field)!));
            }
        }

        var requires = yaml.Scalars(front, "requires");
        keys.AddRange(requires.Select(r => (r.Value!, (YamlNode)r)));
        foreach (var (key, node) in keys.Where(k => questionnaire.Find(k.Key) is null))
        {
            yaml.Error(node, $"unknown questionnaire key '{key}'");
        }

        var bodyFirstLine = text[..(end + 5)].Count(c => c == '\n') + 1;
        var body = text[(end + 5)..];
        if (!Parser.TryParse(body, out var liquid, out var liquidError))
        {
            errors.Add(new ContentError(file.Path, bodyFirstLine, 1, "Liquid: " + liquidError));
            return null;
        }

        var (blocks, problems) = TemplateBody.Parse(id ?? expectedId, body, bodyFirstLine, r => catalog.FindRequirement(r) is not null, rendered: false);
        errors.AddRange(problems.Select(p => new ContentError(file.Path, p.Line, 1, p.Message)));
        var used = System.Text.RegularExpressions.Regex.Matches(body, @"\b([a-z_]+\.[a-z_]+)\b")
            .Select(m => m.Groups[1].Value)
            .Where(k => questionnaire.Find(k) is not null)
            .Distinct(StringComparer.Ordinal);
        foreach (var missing in used.Except(requires.Select(r => r.Value!), StringComparer.Ordinal))
        {
            yaml.Error(YamlFile.Get(front, "requires") ?? front, $"the body uses '{missing}' but 'requires' does not list it");
        }

        return errors.Count > before || id is null || title is null || kind is null || classification is null || keys.Count < 2
            ? null
            : new DocumentTemplate(
                id,
                file.Path,
                title,
                kind,
                standards.Select(s => s.Value!).ToArray(),
                keys[0].Key,
                keys[1].Key,
                classification,
                requires.Select(r => r.Value!).ToArray(),
                bodyFirstLine,
                liquid,
                blocks.OfType<DocumentStatement>().ToArray());
    }

    private static string? OneOf(YamlFile yaml, YamlMappingNode map, string key, string[] allowed)
    {
        var value = yaml.RequiredString(map, key, "the template");
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            yaml.Error(YamlFile.Get(map, key)!, $"'{key}' must be one of: {string.Join(", ", allowed)}");
            return null;
        }

        return value;
    }

    /// <summary>The list of requirements a published document implements on its own (policies).</summary>
    private const string MetByDocumentKey = "met-by-document";

    private static List<DocumentedInformation> ReadDocumentedInformation(ContentFile? file, Catalog catalog, List<ContentError> errors)
    {
        if (file is null)
        {
            errors.Add(new ContentError("templates/documented-information.yaml", 1, 1, "the list of documented information is missing"));
            return [];
        }

        var yaml = YamlFile.Parse(file.Path, file.Text, errors);
        var list = new List<DocumentedInformation>();
        if (yaml.Root is null)
        {
            return list;
        }

        var metByDocument = new HashSet<string>(StringComparer.Ordinal);
        if (yaml.Root.Children.TryGetValue(new YamlScalarNode(MetByDocumentKey), out var met))
        {
            foreach (var node in met is YamlSequenceNode ids ? ids.Children : [])
            {
                metByDocument.Add(((YamlScalarNode)node).Value ?? string.Empty);
            }
        }

        foreach (var (frameworkNode, value) in yaml.Root.Children)
        {
            var framework = ((YamlScalarNode)frameworkNode).Value!;
            if (framework == MetByDocumentKey)
            {
                continue;
            }

            if (value is not YamlMappingNode entries)
            {
                yaml.Error(value, $"'{framework}' must map requirement refs to what is expected");
                continue;
            }

            foreach (var (refNode, expected) in entries.Children)
            {
                var id = $"{framework}:{((YamlScalarNode)refNode).Value}";
                if (catalog.FindRequirement(id) is null)
                {
                    yaml.Error(refNode, $"unknown requirement id '{id}'");
                }
                else
                {
                    list.Add(new DocumentedInformation(id, ((YamlScalarNode)expected).Value ?? string.Empty, metByDocument.Remove(id)));
                }
            }
        }

        foreach (var unknown in metByDocument)
        {
            yaml.Error(met!, $"'{unknown}' under {MetByDocumentKey} is not a documented-information requirement listed above");
        }

        return list;
    }
}
