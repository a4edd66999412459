using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.Domain.Catalogs;

namespace Harmonia.App.Features.Catalogs;

/// <param name="GroupId">Only this group and its sub-groups (e.g. "A.6" or "9"); null for everything.</param>
public sealed record ShowFrameworkRequest(string FrameworkId, string? GroupId = null);

public sealed record FrameworkView(
    Framework Framework,
    IReadOnlyList<(RequirementGroup Group, IReadOnlyList<Requirement> Requirements)> Sections,
    string? GroupId);

public sealed class ShowFrameworkHandler(LoadedContent content)
{
    /// <param name="organizationCatalog">An organization's catalog (ADR 0036); null for the shipped one.</param>
    public FrameworkView Handle(ShowFrameworkRequest request, Catalog? organizationCatalog = null)
    {
        var catalog = organizationCatalog ?? content.Catalog;
        var framework = catalog.FindFramework(request.FrameworkId)
            ?? throw InvalidInputException.UnknownFramework(request.FrameworkId, catalog.Frameworks.Select(f => f.Id));
        if (request.GroupId is { } groupId && framework.Groups.All(g => g.Id != groupId))
        {
            throw new InvalidInputException(
                $"Framework '{framework.Id}' has no group '{groupId}'. Groups: {string.Join(", ", framework.Groups.Select(g => g.Id))}.");
        }

        var sections = framework.Groups
            .Where(g => request.GroupId is null || g.Id == request.GroupId || IsUnder(catalog, framework.Id, g, request.GroupId))
            .Select(g => (g, (IReadOnlyList<Requirement>)framework.Requirements.Where(r => r.GroupId == g.Id).ToArray()))
            .Where(s => s.Item2.Count > 0 || request.GroupId is not null)
            .ToArray();
        return new FrameworkView(framework, sections, request.GroupId);
    }

    private static bool IsUnder(Catalog catalog, string frameworkId, RequirementGroup group, string ancestorId)
    {
        while (group.ParentId is { } parent)
        {
            if (parent == ancestorId)
            {
                return true;
            }

            group = catalog.GetGroup(frameworkId, parent);
        }

        return false;
    }
}
