using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Harmonia.App.Features.Catalogs;

/// <summary>
/// A control's statement as a compliance manager reads it: parameters filled in ("{{ insert: param, ac-1_prm_1 }}"
/// becomes the value a profile set, or "[Assignment: organization-defined personnel or roles]" while none is set), after
/// a profile's <c>modify</c>: its <c>set-parameters</c> and the parts its <c>alters</c> add to or remove from the statement.
/// </summary>
internal sealed partial class OscalStatements
{
    private static readonly string[] SetParameterKeys = ["param-id", "class", "depends-on", "props", "links", "label", "usage", "constraints", "guidelines", "values", "select", "remarks"];
    private static readonly string[] AlterKeys = ["control-id", "removes", "adds"];
    private static readonly string[] AddKeys = ["position", "by-id", "title", "params", "props", "links", "parts"];
    private static readonly string[] RemoveKeys = ["by-name", "by-class", "by-id", "by-item-name", "by-ns"];
    private static readonly string[] Positions = ["before", "after", "starting", "ending"];

    private readonly Dictionary<string, Parameter> _parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(JsonElement Alter, string Path)>> _alters = new(StringComparer.Ordinal);

    private sealed record Parameter(string? Label, IReadOnlyList<string> Values, string? HowMany, IReadOnlyList<string> Choices);

    private sealed class Part(string? id, string name, string? label, string? prose)
    {
        public string? Id { get; } = id;

        public string Name { get; } = name;

        public string? Label { get; } = label;

        public string? Prose { get; } = prose;

        public List<Part> Children { get; } = [];
    }

    /// <summary>The controls the profile alters, so the reader can refuse an alter of a control it does not select.</summary>
    public IEnumerable<(string ControlId, string Path)> Altered => _alters.Select(a => (a.Key, a.Value[0].Path));

    /// <summary>Every parameter the catalog defines, wherever it is declared (catalog, group or control).</summary>
    public void CollectParameters(JsonElement container, int depth = 0)
    {
        if (depth > FrameworkImportLimits.MaxStructureDepth || container.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var parameter in Array(container, "params"))
        {
            if (Text(parameter, "id") is { } id)
            {
                _parameters[id] = Read(parameter);
            }
        }

        foreach (var child in Array(container, "groups").Concat(Array(container, "controls")))
        {
            CollectParameters(child, depth + 1);
        }
    }

    /// <summary>Reads a profile's <c>modify</c>; problems go to <paramref name="errors"/> with their path.</summary>
    public void ReadModify(JsonElement modify, string path, Func<JsonElement, string, string[], bool> isObject, List<string> errors)
    {
        if (!isObject(modify, path, ["set-parameters", "alters"]))
        {
            return;
        }

        var i = 0;
        foreach (var set in Array(modify, "set-parameters"))
        {
            var at = $"{path}.set-parameters[{i++}]";
            if (!isObject(set, at, SetParameterKeys))
            {
                continue;
            }

            if (Text(set, "param-id") is not { } id)
            {
                errors.Add($"{at}: has no param-id.");
                continue;
            }

            // A profile's setting replaces what it gives and keeps the rest of the catalog's definition.
            var given = Read(set);
            var known = _parameters.GetValueOrDefault(id);
            _parameters[id] = new Parameter(
                given.Label ?? known?.Label,
                set.TryGetProperty("values", out _) ? given.Values : known?.Values ?? [],
                set.TryGetProperty("select", out _) ? given.HowMany : known?.HowMany,
                set.TryGetProperty("select", out _) ? given.Choices : known?.Choices ?? []);
        }

        i = 0;
        foreach (var alter in Array(modify, "alters"))
        {
            var at = $"{path}.alters[{i++}]";
            if (!isObject(alter, at, AlterKeys))
            {
                continue;
            }

            if (Text(alter, "control-id") is not { } control)
            {
                errors.Add($"{at}: has no control-id.");
                continue;
            }

            var j = 0;
            foreach (var add in Array(alter, "adds"))
            {
                var addAt = $"{at}.adds[{j++}]";
                if (isObject(add, addAt, AddKeys) && Text(add, "position") is { } position && !Positions.Contains(position, StringComparer.Ordinal))
                {
                    errors.Add($"{addAt}.position: '{position}' is not one of {string.Join(", ", Positions)}.");
                }

                foreach (var parameter in Array(add, "params"))
                {
                    if (Text(parameter, "id") is { } id)
                    {
                        _parameters.TryAdd(id, Read(parameter));
                    }
                }
            }

            j = 0;
            foreach (var remove in Array(alter, "removes"))
            {
                isObject(remove, $"{at}.removes[{j++}]", RemoveKeys);
            }

            if (!_alters.TryGetValue(control, out var list))
            {
                _alters[control] = list = [];
            }

            list.Add((alter, at));
        }
    }

    /// <summary>The control's statement as plain text: each part's label and prose, depth first, parameters filled in.</summary>
    public string Statement(JsonElement control, string controlId, List<string> errors)
    {
        var root = new Part(null, "control", null, null);
        foreach (var part in Array(control, "parts"))
        {
            root.Children.Add(ToPart(part, 0));
        }

        foreach (var (alter, path) in _alters.GetValueOrDefault(controlId) ?? [])
        {
            Apply(root, alter, path, errors);
        }

        var text = new StringBuilder();
        foreach (var statement in root.Children.Where(p => p.Name == "statement"))
        {
            Append(statement, text, 0);
        }

        return text.ToString().Trim();
    }

    private static void Apply(Part root, JsonElement alter, string path, List<string> errors)
    {
        foreach (var remove in Array(alter, "removes"))
        {
            var byId = Text(remove, "by-id");
            var byName = Text(remove, "by-name");
            if (byId is null && byName is null)
            {
                continue;
            }

            Remove(root, p => (byId is null || p.Id == byId) && (byName is null || p.Name == byName), 0);
        }

        foreach (var add in Array(alter, "adds"))
        {
            var parts = Array(add, "parts").Select(p => ToPart(p, 0)).ToList();
            var position = Text(add, "position") ?? "ending";
            if (Text(add, "by-id") is not { } target)
            {
                // Without by-id the parts go to the control itself (its guidance, or a statement of its own).
                root.Children.InsertRange(position is "starting" or "before" ? 0 : root.Children.Count, parts);
                continue;
            }

            if (Find(root, target, 0) is not { } found)
            {
                errors.Add($"{path}: adds to part '{target}', which the control does not have.");
                continue;
            }

            var (parent, index) = found;
            var into = parent.Children[index];
            switch (position)
            {
                case "before":
                    parent.Children.InsertRange(index, parts);
                    break;
                case "after":
                    parent.Children.InsertRange(index + 1, parts);
                    break;
                case "starting":
                    into.Children.InsertRange(0, parts);
                    break;
                default:
                    into.Children.AddRange(parts);
                    break;
            }
        }
    }

    private static void Remove(Part part, Func<Part, bool> matches, int depth)
    {
        if (depth > FrameworkImportLimits.MaxStructureDepth)
        {
            return;
        }

        part.Children.RemoveAll(p => matches(p));
        foreach (var child in part.Children)
        {
            Remove(child, matches, depth + 1);
        }
    }

    private static (Part Parent, int Index)? Find(Part part, string id, int depth)
    {
        if (depth > FrameworkImportLimits.MaxStructureDepth)
        {
            return null;
        }

        for (var i = 0; i < part.Children.Count; i++)
        {
            if (part.Children[i].Id == id)
            {
                return (part, i);
            }

            if (Find(part.Children[i], id, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static Part ToPart(JsonElement element, int depth)
    {
        var label = Array(element, "props").Where(p => Text(p, "name") == "label").Select(p => Text(p, "value")).FirstOrDefault();
        var part = new Part(Text(element, "id"), Text(element, "name") ?? string.Empty, label, Text(element, "prose"));
        if (depth < FrameworkImportLimits.MaxStructureDepth)
        {
            part.Children.AddRange(Array(element, "parts").Select(p => ToPart(p, depth + 1)));
        }

        return part;
    }

    private void Append(Part part, StringBuilder text, int depth)
    {
        if (part.Prose is { } prose)
        {
            text.Append(part.Label is null ? string.Empty : part.Label + " ").Append(Fill(prose, 0).Trim()).Append(' ');
        }

        foreach (var child in part.Children)
        {
            Append(child, text, depth + 1);
        }
    }

    /// <summary>NIST's reading of a parameter: its values; else its choices; else what the organization must assign.</summary>
    private string Fill(string prose, int depth) => Insert().Replace(prose, m =>
    {
        if (depth > 4 || !_parameters.TryGetValue(m.Groups[1].Value, out var parameter))
        {
            return $"[Assignment: {m.Groups[1].Value}]";
        }

        if (parameter.Values.Count > 0)
        {
            return string.Join(", ", parameter.Values.Select(v => Fill(v, depth + 1)));
        }

        if (parameter.Choices.Count > 0)
        {
            var many = parameter.HowMany == "one-or-more" ? " (one or more)" : string.Empty;
            return $"[Selection{many}: {string.Join("; ", parameter.Choices.Select(c => Fill(c, depth + 1)))}]";
        }

        return $"[Assignment: {parameter.Label ?? m.Groups[1].Value}]";
    });

    private static Parameter Read(JsonElement parameter)
    {
        var select = parameter.TryGetProperty("select", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        return new Parameter(
            Text(parameter, "label"),
            [.. Array(parameter, "values").Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!.Trim()).Where(v => v.Length > 0)],
            select.ValueKind == JsonValueKind.Object ? Text(select, "how-many") : null,
            select.ValueKind == JsonValueKind.Object ? [.. Array(select, "choice").Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!.Trim())] : []);
    }

    /// <summary>A non-blank string field, trimmed; null otherwise. Shared with <see cref="OscalFrameworkReader"/>.</summary>
    internal static string? Text(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    /// <summary>A list field's items; none when the field is missing or not a list.</summary>
    internal static JsonElement[] Array(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    [GeneratedRegex(@"\{\{\s*insert:\s*param,\s*([A-Za-z0-9_.\-]+)\s*\}\}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Insert();
}
