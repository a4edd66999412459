using System.Text;
using Harmonia.App.Features.Catalogs;
using Harmonia.Domain.Mapping;
using static Harmonia.App.Rendering.GapMarkdownWriter;

namespace Harmonia.App.Rendering;

public static class CrosswalkMarkdownWriter
{
    public static string Write(CrosswalkView view)
    {
        var md = new StringBuilder();
        md.Append("# Crosswalk: ").Append(view.From.Name).Append(" → ").AppendLine(view.To.Name).AppendLine();
        md.Append(view.Covered).Append(" of ").Append(view.Rows.Count).Append(' ').Append(view.To.Name)
            .Append(" requirements have at least one related ").Append(view.From.Name).AppendLine(" requirement.").AppendLine();
        md.AppendLine("| Target | Title | Source | Relationship | Strength | Via | Rationale |");
        md.AppendLine("|---|---|---|---|---:|---|---|");
        foreach (var row in view.Rows)
        {
            if (row.Links.Count == 0)
            {
                var reason = row.NoEquivalents.Count > 0 ? "No equivalent: " + row.NoEquivalents[0].Reason : "No mapping.";
                md.Append("| ").Append(row.Target.Ref).Append(" | ").Append(Cell(row.Target.Title)).Append(" | — | — | | | ").Append(Cell(reason)).AppendLine(" |");
                continue;
            }

            foreach (var link in row.Links)
            {
                md.Append("| ").Append(row.Target.Ref).Append(" | ").Append(Cell(row.Target.Title)).Append(" | ").Append(link.SourceId)
                    .Append(" | ").Append(link.Relationship.ToToken()).Append(" | ").Append(link.Strength).Append(" | ")
                    .Append(link.Hops.Count > 1 ? link.Hops[0].ToId : string.Empty).Append(" | ")
                    .Append(Cell(string.Join(" / ", link.Hops.Select(h => h.Rationale)))).AppendLine(" |");
            }
        }

        foreach (var attribution in view.Attributions)
        {
            md.AppendLine().Append("Source: ").AppendLine(attribution);
        }

        return md.ToString();
    }
}
