using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Mapping;

namespace Harmonia.App.Features.Catalogs;

public sealed record ShowCrosswalkRequest(string FromFrameworkId, string ToFrameworkId);

public sealed record CrosswalkView(Framework From, Framework To, IReadOnlyList<CrosswalkRow> Rows, IReadOnlyList<string> Attributions)
{
    public int Covered => Rows.Count(r => r.Links.Count > 0);
}

public sealed class ShowCrosswalkHandler(LoadedContent content)
{
    public CrosswalkView Handle(ShowCrosswalkRequest request)
    {
        var catalog = content.Catalog;
        var known = catalog.Frameworks.Select(f => f.Id);
        var from = catalog.FindFramework(request.FromFrameworkId) ?? throw InvalidInputException.UnknownFramework(request.FromFrameworkId, known);
        var to = catalog.FindFramework(request.ToFrameworkId) ?? throw InvalidInputException.UnknownFramework(request.ToFrameworkId, known);
        if (from.Id == to.Id)
        {
            throw new InvalidInputException("--from and --to name the same framework; a crosswalk needs two.");
        }

        var rows = CrosswalkBuilder.Build(catalog, from.Id, to.Id);
        var used = rows.SelectMany(r => r.Links).SelectMany(l => l.Hops).Select(h => (h.FromId, h.ToId)).ToHashSet();
        var attributions = content.MappingSets
            .Where(s => s.Attribution is not null && s.Mappings.Any(m => used.Contains((m.SourceId, m.TargetId)) || used.Contains((m.TargetId, m.SourceId))))
            .Select(s => s.Attribution!)
            .Distinct()
            .ToArray();
        return new CrosswalkView(from, to, rows, attributions);
    }
}
