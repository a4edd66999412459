using System.Globalization;
using Harmonia.App.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harmonia.App.Content;

/// <summary>
/// Reads one YAML file through YamlDotNet's representation model so that every value keeps its line and column:
/// content errors must point at the exact place. Problems are collected, not thrown, so one run reports them all.
/// </summary>
internal sealed class YamlFile
{
    private readonly List<ContentError> _errors;

    private YamlFile(string name, YamlMappingNode? root, List<ContentError> errors)
    {
        Name = name;
        Root = root;
        _errors = errors;
    }

    public string Name { get; }

    /// <summary>The top-level mapping, or null when the file could not be parsed (the error is recorded).</summary>
    public YamlMappingNode? Root { get; }

    public static YamlFile Parse(string name, string text, List<ContentError> errors, InputLimits? limits = null, CancellationToken cancellationToken = default)
    {
        try
        {
            if (YamlGuard.Refusal(text, limits ?? InputLimits.Default, cancellationToken) is { } refusal)
            {
                errors.Add(new ContentError(name, refusal.Line, refusal.Column, refusal.Message));
                return new YamlFile(name, null, errors);
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                errors.Add(new ContentError(name, 1, 1, "expected a YAML mapping at the top of the file"));
                return new YamlFile(name, null, errors);
            }

            return new YamlFile(name, root, errors);
        }
        catch (YamlException ex)
        {
            var message = (ex.InnerException?.Message ?? ex.Message).Trim();
            var at = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line:", StringComparison.Ordinal) && at > 0)
            {
                message = message[(at + 3)..];
            }

            errors.Add(new ContentError(name, (int)ex.Start.Line, (int)ex.Start.Column, "malformed YAML: " + message));
            return new YamlFile(name, null, errors);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // ArgumentException: YamlDotNet's tree builder meets an event it does not expect in some malformed files
            // (found by the fuzz suite) and says so about its own argument, not about the text.
            // YamlDotNet reports some structural errors (an unclosed flow sequence, say) without a position;
            // walking the events again finds the last place it still understood.
            var (line, column) = LastGoodPosition(text);
            errors.Add(new ContentError(name, line, column, "malformed YAML: the structure breaks after this point (an unclosed bracket or quote?)"));
            return new YamlFile(name, null, errors);
        }
    }

    private static (int Line, int Column) LastGoodPosition(string text)
    {
        var parser = new Parser(new StringReader(text));
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.Start;
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            if (ex is YamlException yaml)
            {
                return ((int)yaml.Start.Line, (int)yaml.Start.Column);
            }
        }

        return ((int)Math.Max(1, last.Line), (int)Math.Max(1, last.Column));
    }

    public void Error(YamlNode node, string message) =>
        _errors.Add(new ContentError(Name, (int)node.Start.Line, (int)node.Start.Column, message));

    /// <summary>Flags keys the schema does not know: a misspelt key must not be silently ignored.</summary>
    public void AllowOnly(YamlMappingNode map, params string[] keys)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && !keys.Contains(name, StringComparer.Ordinal))
            {
                Error(key, $"unknown key '{name}' (expected one of: {string.Join(", ", keys)})");
            }
        }
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? OptionalString(YamlMappingNode map, string key)
    {
        var node = Get(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
        }

        Error(node, $"'{key}' must be a single value");
        return null;
    }

    public string? RequiredString(YamlMappingNode map, string key, string what)
    {
        var value = OptionalString(map, key);
        if (value is null)
        {
            Error(Get(map, key) ?? map, $"{what} has no '{key}'");
        }

        return value;
    }

    /// <summary>A value that must be one of <paramref name="choices"/>' keys; null when absent or unknown (unknown is reported).</summary>
    public T? Choice<T>(YamlMappingNode map, string key, IReadOnlyDictionary<string, T> choices, string what, bool required)
        where T : struct
    {
        var text = required ? RequiredString(map, key, what) : OptionalString(map, key);
        if (text is null)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }

        var expected = choices.Keys.ToArray();
        Error(Get(map, key)!, $"unknown {key} '{text}' (expected {string.Join(", ", expected[..^1])} or {expected[^1]})");
        return null;
    }

    public double? OptionalNumber(YamlMappingNode map, string key, double min, double max)
    {
        var text = OptionalString(map, key);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(Get(map, key)!, $"'{key}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
        return null;
    }

    public DateOnly? OptionalDate(YamlMappingNode map, string key)
    {
        var text = OptionalString(map, key);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(Get(map, key)!, $"'{key}' must be a date written yyyy-mm-dd, not '{text}'");
        return null;
    }

    /// <summary>The mappings of a sequence under <paramref name="key"/>; anything else in it is reported.</summary>
    public IEnumerable<YamlMappingNode> Items(YamlMappingNode map, string key, bool required)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"missing '{key}' list");
            }

            yield break;
        }

        if (node is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            yield break;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{key}' must be a list");
            yield break;
        }

        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode mapping)
            {
                yield return mapping;
            }
            else
            {
                Error(item, $"each entry of '{key}' must be a mapping of keys to values");
            }
        }
    }

    /// <summary>A list of plain values; accepts the inline form <c>[a, b]</c> and the block form.</summary>
    public IReadOnlyList<YamlScalarNode> Scalars(YamlMappingNode map, string key)
    {
        var node = Get(map, key);
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                var values = new List<YamlScalarNode>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: not null } scalar)
                    {
                        values.Add(scalar);
                    }
                    else
                    {
                        Error(item, $"each entry of '{key}' must be a single value");
                    }
                }

                return values;
            case YamlScalarNode { Value: not (null or "" or "~") } one:
                return [one];
            case YamlScalarNode:
                return [];
            default:
                Error(node, $"'{key}' must be a list of values");
                return [];
        }
    }
}
