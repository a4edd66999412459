using Harmonia.App.Content;
using Harmonia.Domain.Catalogs;

namespace Harmonia.App.Features.Catalogs;

/// <summary>
/// Reads Harmonia's own YAML format (docs/content-format.md), the format of <c>content/</c>: a framework file
/// (<c>id</c>, <c>groups</c>, <c>requirements</c>) or a mapping file (<c>source</c>, <c>target</c>, <c>mappings</c>)
/// between frameworks the organization's catalog already has. The same readers as the shipped content check it.
/// </summary>
internal static class YamlFrameworkImportReader
{
    public static ImportedFile? Read(string fileName, string text, Catalog catalog, List<string> errors)
    {
        var contentErrors = new List<ContentError>();
        var yaml = YamlFile.Parse(fileName, text, contentErrors, FrameworkImportLimits.Yaml);
        ImportedFile? file = null;
        if (yaml.Root is { } root)
        {
            file = YamlFile.Get(root, "source") is not null || YamlFile.Get(root, "mappings") is not null
                ? Mappings(yaml, fileName, catalog, contentErrors)
                : Framework(yaml, fileName, contentErrors);
        }

        errors.AddRange(contentErrors.Select(e => e.ToString()));
        return errors.Count == 0 ? file : null;
    }

    private static ImportedFile? Framework(YamlFile yaml, string fileName, List<ContentError> errors)
    {
        if (FrameworkReader.Read(yaml, yaml.Root!) is not { } framework || errors.Count > 0)
        {
            return null;
        }

        var nodes = new List<ImportedNode>();
        foreach (var group in framework.Groups)
        {
            nodes.Add(new ImportedNode(group.Id, null, group.ParentId, group.Title, string.Empty, false));
        }

        foreach (var requirement in framework.Requirements)
        {
            if (framework.Groups.Any(g => g.Id == requirement.Ref))
            {
                errors.Add(new ContentError(fileName, 1, 1, $"requirement '{requirement.Ref}' has the same id as a group; give the group another id"));
                continue;
            }

            nodes.Add(new ImportedNode(requirement.Ref, null, requirement.GroupId, requirement.Title, requirement.Summary, true));
        }

        return new ImportedFile(framework.Id, framework.Name, framework.Title, framework.Publisher, FrameworkSourceFormat.Yaml, fileName, null, null, null, nodes, []);
    }

    private static ImportedFile? Mappings(YamlFile yaml, string fileName, Catalog catalog, List<ContentError> errors)
    {
        var frameworks = catalog.Frameworks.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var set = new MappingFileReader(yaml, frameworks).Read([]);
        if (set is null || errors.Count > 0)
        {
            return null;
        }

        return new ImportedFile(
            null, string.Empty, string.Empty, string.Empty, FrameworkSourceFormat.Yaml, fileName, set.Attribution, null, null, [],
            set.Mappings.Select(m => new ImportedMapping(m.SourceId, m.TargetId, m.Relationship, m.Strength, m.Rationale)).ToArray());
    }
}
