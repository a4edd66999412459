using System.Text;
using Harmonia.App.Features.Catalogs;
using Harmonia.Domain.Mapping;
using static Harmonia.App.Rendering.Svg;

namespace Harmonia.App.Rendering;

/// <summary>The crosswalk side by side as one self-contained HTML file.</summary>
public static class CrosswalkHtmlWriter
{
    public static string Write(CrosswalkView view)
    {
        var h = new StringBuilder();
        var title = $"Crosswalk: {view.From.Name} → {view.To.Name}";
        h.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.Append("<title>").Append(Html(title)).AppendLine("</title>");
        h.Append("<style>").Append(ReportStyles.Css).AppendLine("</style></head><body>");
        h.AppendLine("<header class=\"top\"><div class=\"brand\">Harmonia</div><div class=\"kind\">Crosswalk</div></header><main>");
        h.Append("<h1>").Append(Html(view.From.Name)).Append(" → ").Append(Html(view.To.Name)).AppendLine("</h1>");
        h.Append("<p class=\"lead\">").Append(view.Covered).Append(" of ").Append(view.Rows.Count).Append(" requirements of ").Append(Html(view.To.Name))
            .Append(" have a related requirement in ").Append(Html(view.From.Name)).AppendLine(".</p>");
        h.AppendLine("<section class=\"panel\"><table><thead><tr><th scope=\"col\">" + Html(view.To.Name) + "</th><th scope=\"col\">" + Html(view.From.Name) + "</th><th scope=\"col\">Relationship</th><th scope=\"col\">Rationale</th></tr></thead><tbody>");
        foreach (var row in view.Rows)
        {
            var span = Math.Max(1, row.Links.Count);
            h.Append("<tr><td rowspan=\"").Append(span).Append("\"><div class=\"t\">").Append(Html(row.Target.Ref)).Append(' ').Append(Html(row.Target.Title)).Append("</div></td>");
            if (row.Links.Count == 0)
            {
                var reason = row.NoEquivalents.Count > 0 ? row.NoEquivalents[0].Reason : "No mapping.";
                h.Append("<td>—</td><td><span class=\"badge o\">no equivalent</span></td><td>").Append(Html(reason)).AppendLine("</td></tr>");
                continue;
            }

            for (var i = 0; i < row.Links.Count; i++)
            {
                var link = row.Links[i];
                if (i > 0)
                {
                    h.Append("<tr>");
                }

                h.Append("<td><code>").Append(Html(link.SourceId)).Append("</code>");
                if (link.Hops.Count > 1)
                {
                    h.Append("<div class=\"basis\">via ").Append(Html(link.Hops[0].ToId)).Append("</div>");
                }

                h.Append("</td><td><span class=\"badge ").Append(link.Relationship.PassesThrough() ? "s" : "p").Append("\">").Append(Html(link.Relationship.ToToken()))
                    .Append("</span><div class=\"basis\">strength ").Append(link.Strength).Append("/10</div></td><td>")
                    .Append(Html(string.Join(" Then: ", link.Hops.Select(x => x.Rationale)))).AppendLine("</td></tr>");
            }
        }

        h.AppendLine("</tbody></table></section></main>");
        foreach (var attribution in view.Attributions)
        {
            h.Append("<footer>Source: ").Append(Html(attribution)).AppendLine("</footer>");
        }

        h.AppendLine("<footer>Relationships read “source is … of target”. Rationales are Harmonia's own words.</footer></body></html>");
        return h.ToString();
    }
}
