using System.Text.Json;
using Harmonia.App.Features.Catalogs;
using Harmonia.Domain.Mapping;

namespace Harmonia.App.Rendering;

public static class CrosswalkJsonWriter
{
    public static string Write(CrosswalkView view) => JsonSerializer.Serialize(
        new
        {
            from = view.From.Id,
            to = view.To.Id,
            covered = view.Covered,
            total = view.Rows.Count,
            attributions = view.Attributions,
            rows = view.Rows.Select(r => new
            {
                target = r.Target.Id,
                title = r.Target.Title,
                links = r.Links.Select(l => new
                {
                    source = l.SourceId,
                    relationship = l.Relationship.ToToken(),
                    strength = l.Strength,
                    via = l.Hops.Count > 1 ? l.Hops[0].ToId : null,
                    hops = l.Hops.Select(h => new { from = h.FromId, to = h.ToId, relationship = h.Relationship.ToToken(), strength = h.Strength, rationale = h.Rationale }),
                }),
                noEquivalent = r.NoEquivalents.Select(n => n.Reason),
            }),
        },
        ReportJson.Options);
}
