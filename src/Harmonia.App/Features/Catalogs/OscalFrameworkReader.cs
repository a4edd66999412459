using System.Text.Json;

namespace Harmonia.App.Features.Catalogs;

/// <summary>
/// Reads an OSCAL catalog, or an OSCAL profile resolved against the catalog it imports, into framework nodes: groups
/// become headings, controls and their enhancements become requirements, their statements with parameters filled in
/// and the profile's <c>modify</c> applied (<see cref="OscalStatements"/>); the profile's <c>merge</c> keeps the
/// catalog's groups (<c>as-is</c>, and when absent) or drops them (<c>flat</c>); a <c>custom</c> structure is refused.
/// Fields OSCAL defines but Harmonia does not use (links, back-matter) are accepted and left aside; a field OSCAL does
/// not define is refused with its path, as a misspelt key must not be silently ignored.
/// </summary>
internal sealed class OscalFrameworkReader
{
    private static readonly string[] RootKeys = ["$schema", "catalog", "profile"];
    private static readonly string[] CatalogKeys = ["uuid", "metadata", "params", "controls", "groups", "back-matter"];
    private static readonly string[] GroupKeys = ["id", "class", "title", "params", "props", "links", "parts", "groups", "controls"];
    private static readonly string[] ControlKeys = ["id", "class", "title", "params", "props", "links", "parts", "controls"];
    private static readonly string[] MetadataKeys = ["title", "published", "last-modified", "version", "oscal-version", "revisions", "document-ids", "props", "links", "roles", "locations", "parties", "responsible-parties", "actions", "remarks"];
    private static readonly string[] ProfileKeys = ["uuid", "metadata", "imports", "merge", "modify", "back-matter"];
    private static readonly string[] ImportKeys = ["href", "include-all", "include-controls", "exclude-controls"];
    private static readonly string[] SelectionKeys = ["with-child-controls", "with-ids", "matching"];

    private static readonly string[] MergeKeys = ["combine", "flat", "as-is", "custom"];

    private readonly List<string> _errors;
    private readonly OscalStatements _statements = new();

    private OscalFrameworkReader(List<string> errors) => _errors = errors;

    /// <param name="catalogText">The catalog a profile imports; required for a profile, refused for a catalog.</param>
    public static ImportedFile? Read(string fileName, string text, string? catalogFileName, string? catalogText, List<string> errors)
    {
        var reader = new OscalFrameworkReader(errors);
        using var document = reader.Parse(fileName, text);
        if (document is null || !reader.Object(document.RootElement, "$", RootKeys))
        {
            return null;
        }

        var root = document.RootElement;
        if (root.TryGetProperty("catalog", out var catalog))
        {
            if (catalogText is not null)
            {
                errors.Add($"{fileName} is a catalog; a second file is only needed with a profile.");
                return null;
            }

            return reader.FromCatalog(fileName, catalog, null, null);
        }

        if (!root.TryGetProperty("profile", out var profile))
        {
            errors.Add($"{fileName}: expected an OSCAL \"catalog\" or \"profile\" at the top of the file.");
            return null;
        }

        if (catalogText is null)
        {
            errors.Add($"{fileName} is an OSCAL profile: add the catalog it imports, so its controls can be resolved.");
            return null;
        }

        using var catalogDocument = reader.Parse(catalogFileName ?? "catalog", catalogText);
        if (catalogDocument is null || !reader.Object(catalogDocument.RootElement, "$", RootKeys))
        {
            return null;
        }

        if (!catalogDocument.RootElement.TryGetProperty("catalog", out var imported))
        {
            errors.Add($"{catalogFileName}: the file given with the profile must be an OSCAL catalog.");
            return null;
        }

        var selection = reader.ReadSelection(profile);
        return selection is null ? null : reader.FromCatalog(catalogFileName ?? "catalog", imported, profile, selection)
            is { } file ? file with { Source = $"{fileName} (profile {Text(profile, "uuid")}) resolved against {file.Source}" } : null;
    }

    private JsonDocument? Parse(string name, string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = FrameworkImportLimits.MaxStructureDepth });
        }
        catch (JsonException e)
        {
            var what = e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"the structure is nested deeper than {FrameworkImportLimits.MaxStructureDepth} levels"
                : "malformed JSON";
            _errors.Add($"{name}: {what} (line {(e.LineNumber ?? 0) + 1}).");
            return null;
        }
    }

    private ImportedFile? FromCatalog(string fileName, JsonElement catalog, JsonElement? profile, Selection? selection)
    {
        if (!Object(catalog, "$.catalog", CatalogKeys) || !catalog.TryGetProperty("metadata", out var metadata) || !Object(metadata, "$.catalog.metadata", MetadataKeys))
        {
            if (_errors.Count == 0)
            {
                _errors.Add($"{fileName}: the catalog has no metadata.");
            }

            return null;
        }

        _statements.CollectParameters(catalog);
        var flat = false;
        if (profile is { } tailoring)
        {
            if (tailoring.TryGetProperty("modify", out var modify))
            {
                _statements.ReadModify(modify, "$.profile.modify", Object, _errors);
            }

            if (tailoring.TryGetProperty("merge", out var merge) && Object(merge, "$.profile.merge", MergeKeys))
            {
                if (merge.TryGetProperty("custom", out _))
                {
                    _errors.Add("$.profile.merge.custom: a profile's own structure of groups is not supported; use as-is (the catalog's groups) or flat.");
                }

                flat = merge.TryGetProperty("flat", out _) && !merge.TryGetProperty("as-is", out _);
            }
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        var nodes = new List<ImportedNode>();
        Walk(catalog, "$.catalog", null, null, 0, selection, (false, false), nodes, known);
        foreach (var (control, path) in _statements.Altered.Where(a => !(selection?.Selected.Contains(a.ControlId) ?? known.Contains(a.ControlId))))
        {
            _errors.Add($"{path}: alters control '{control}', which the profile does not select.");
        }

        if (flat)
        {
            var groups = nodes.Where(n => !n.Assessable).Select(n => n.Ref).ToHashSet(StringComparer.Ordinal);
            nodes = [.. nodes.Where(n => n.Assessable).Select(n => n.ParentRef is { } parent && groups.Contains(parent) ? n with { ParentRef = null } : n)];
        }
        if (selection is not null)
        {
            foreach (var id in selection.Included.Concat(selection.Excluded).Where(id => !known.Contains(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                _errors.Add($"The profile names control '{id}', which the catalog does not have.");
            }
        }

        var source = profile ?? catalog;
        var sourceMetadata = profile is { } p && p.TryGetProperty("metadata", out var pm) ? pm : metadata;
        if (profile is not null && !Object(sourceMetadata, "$.profile.metadata", MetadataKeys))
        {
            return null;
        }

        var title = Text(sourceMetadata, "title") ?? fileName;
        if (!nodes.Any(n => n.Assessable) && _errors.Count == 0)
        {
            _errors.Add($"{fileName}: no control was selected; the framework would be empty.");
        }

        return new ImportedFile(
            null, Clip(title, 200), Clip(title, 500), Publisher(sourceMetadata), FrameworkSourceFormat.Oscal,
            $"{fileName} (catalog {Text(catalog, "uuid")})", null, Text(sourceMetadata, "version"), Text(source, "uuid"), nodes, []);
    }

    /// <param name="inherited">Whether an ancestor control was included or excluded with its child controls.</param>
    private void Walk(JsonElement container, string path, string? parentRef, string? parentGroup, int depth, Selection? selection, (bool Include, bool Exclude) inherited, List<ImportedNode> nodes, HashSet<string> known)
    {
        if (depth > FrameworkImportLimits.MaxNodeDepth)
        {
            _errors.Add($"{path}: controls and groups are nested deeper than {FrameworkImportLimits.MaxNodeDepth} levels.");
            return;
        }

        foreach (var (group, at) in Items(container, "groups", path))
        {
            if (!Object(group, at, GroupKeys) || Id(group, at) is not { } id)
            {
                continue;
            }

            var before = nodes.Count;
            nodes.Add(new ImportedNode(id, id, parentGroup, Clip(Text(group, "title") ?? id, 500), string.Empty, false));
            Walk(group, at, id, id, depth + 1, selection, inherited, nodes, known);
            if (selection is not null && nodes.Skip(before + 1).All(n => !n.Assessable))
            {
                // A family none of whose controls the profile selects is not part of the resolved framework.
                nodes.RemoveRange(before, nodes.Count - before);
            }
        }

        foreach (var (control, at) in Items(container, "controls", path))
        {
            if (!Object(control, at, ControlKeys) || Id(control, at) is not { } id)
            {
                continue;
            }

            known.Add(id);
            var selected = selection?.Selects(id, inherited) ?? true;
            if (selected && !Withdrawn(control))
            {
                nodes.Add(new ImportedNode(id, id, parentRef, Clip(Label(control) is { } label ? $"{label} {Text(control, "title")}" : Text(control, "title") ?? id, 500), Clip(_statements.Statement(control, id, _errors), 8000), true));
                selection?.Selected.Add(id);
                if (nodes.Count > FrameworkImportLimits.MaxNodes)
                {
                    return;
                }
            }

            var children = selection is null ? inherited : (inherited.Include || selection.IncludedWithChildren.Contains(id), inherited.Exclude || selection.ExcludedWithChildren.Contains(id));
            Walk(control, at, selected ? id : parentRef, parentGroup, depth + 1, selection, children, nodes, known);
        }

        if (nodes.Count > FrameworkImportLimits.MaxNodes && !_errors.Any(e => e.Contains("more than", StringComparison.Ordinal)))
        {
            _errors.Add($"The framework has more than {FrameworkImportLimits.MaxNodes:N0} controls and groups.");
        }
    }

    private Selection? ReadSelection(JsonElement profile)
    {
        if (!Object(profile, "$.profile", ProfileKeys))
        {
            return null;
        }

        var imports = Items(profile, "imports", "$.profile").ToArray();
        if (imports.Length != 1)
        {
            _errors.Add($"$.profile.imports: exactly one import is supported, this profile has {imports.Length}.");
            return null;
        }

        var (import, at) = imports[0];
        if (!Object(import, at, ImportKeys))
        {
            return null;
        }

        var selection = new Selection { IncludeAll = import.TryGetProperty("include-all", out _) };
        ReadSelections(import, "include-controls", at, selection.Included, selection.IncludedWithChildren);
        ReadSelections(import, "exclude-controls", at, selection.Excluded, selection.ExcludedWithChildren);
        if (!selection.IncludeAll && selection.Included.Count == 0 && _errors.Count == 0)
        {
            _errors.Add($"{at}: the import selects nothing; give include-all or include-controls.");
        }

        return _errors.Count == 0 ? selection : null;
    }

    private void ReadSelections(JsonElement import, string key, string path, HashSet<string> ids, HashSet<string> withChildren)
    {
        foreach (var (selection, at) in Items(import, key, path))
        {
            if (!Object(selection, at, SelectionKeys))
            {
                continue;
            }

            if (selection.TryGetProperty("matching", out _))
            {
                _errors.Add($"{at}.matching: selecting controls by pattern is not supported; list their ids under with-ids.");
                continue;
            }

            var children = Text(selection, "with-child-controls") == "yes";
            foreach (var (id, idAt) in Items(selection, "with-ids", at))
            {
                if (id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
                {
                    _errors.Add($"{idAt}: a control id must be text.");
                    continue;
                }

                ids.Add(id.GetString()!);
                if (children)
                {
                    withChildren.Add(id.GetString()!);
                }
            }
        }
    }

    private bool Object(JsonElement element, string path, string[] keys)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            _errors.Add($"{path}: expected an object.");
            return false;
        }

        var ok = true;
        foreach (var property in element.EnumerateObject())
        {
            if (!keys.Contains(property.Name, StringComparer.Ordinal))
            {
                _errors.Add($"{path}: unknown field '{property.Name}' (expected one of: {string.Join(", ", keys)}).");
                ok = false;
            }
        }

        return ok;
    }

    private IEnumerable<(JsonElement Item, string Path)> Items(JsonElement element, string key, string path)
    {
        if (!element.TryGetProperty(key, out var array))
        {
            yield break;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            _errors.Add($"{path}.{key}: expected a list.");
            yield break;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            yield return (item, $"{path}.{key}[{i++}]");
        }
    }

    private string? Id(JsonElement element, string path)
    {
        var id = Text(element, "id");
        if (id is null || id.Length > 100)
        {
            _errors.Add($"{path}: {(id is null ? "has no id" : "the id is longer than 100 characters")}.");
            return null;
        }

        return id;
    }

    private static string? Text(JsonElement element, string key) => OscalStatements.Text(element, key);

    private static JsonElement[] Array(JsonElement element, string key) => OscalStatements.Array(element, key);

    private static string? Label(JsonElement control) =>
        Array(control, "props").Where(p => Text(p, "name") == "label" && Text(p, "class") is null).Select(p => Text(p, "value")).FirstOrDefault()
        ?? Array(control, "props").Where(p => Text(p, "name") == "label").Select(p => Text(p, "value")).FirstOrDefault();

    private static bool Withdrawn(JsonElement control) =>
        Array(control, "props").Any(p => Text(p, "name") == "status" && Text(p, "value") == "withdrawn");

    private static string Publisher(JsonElement metadata) =>
        Array(metadata, "parties").Select(p => Text(p, "name")).FirstOrDefault(n => n is not null) is { } name ? Clip(name, 200) : string.Empty;

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>Which controls a profile's import keeps: include-all or the included ids, minus the excluded ones.</summary>
    private sealed class Selection
    {
        public bool IncludeAll { get; init; }

        public HashSet<string> Included { get; } = new(StringComparer.Ordinal);

        public HashSet<string> IncludedWithChildren { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Excluded { get; } = new(StringComparer.Ordinal);

        public HashSet<string> ExcludedWithChildren { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Selected { get; } = new(StringComparer.Ordinal);

        public bool Selects(string id, (bool Include, bool Exclude) inherited) =>
            !(inherited.Exclude || Excluded.Contains(id)) && (IncludeAll || inherited.Include || Included.Contains(id));
    }
}
