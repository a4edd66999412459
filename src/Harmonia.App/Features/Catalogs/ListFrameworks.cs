using Harmonia.App.Content;
using Harmonia.Domain.Catalogs;

namespace Harmonia.App.Features.Catalogs;

public sealed record FrameworkSummary(string Id, string Name, string Title, string Publisher, int Clauses, int Controls, int Groups);

public sealed class ListFrameworksHandler(LoadedContent content)
{
    /// <param name="catalog">An organization's catalog (ADR 0036); null for the shipped one.</param>
    public IReadOnlyList<FrameworkSummary> Handle(Catalog? catalog = null) =>
        (catalog ?? content.Catalog).Frameworks
            .Select(f => new FrameworkSummary(
                f.Id,
                f.Name,
                f.Title,
                f.Publisher,
                f.Requirements.Count(r => r.Kind == RequirementKind.Clause),
                f.Requirements.Count(r => r.Kind == RequirementKind.Control),
                f.Groups.Count(g => g.ParentId is null)))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ToArray();
}
